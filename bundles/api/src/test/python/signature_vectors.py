#!/usr/bin/env python3
"""Regenerates the expected signatures of MessageSigningTest.

Follows Ceilometer's message signing as read in ceilometer/publisher/utils.py (master): the message is
flattened with nested dict names joined by ':', walked in sorted key order, 'message_signature' is
skipped, and the name then the str() of each value is fed, UTF-8 encoded, to an HMAC-SHA256. Lists are
first rebuilt so that strings become bytes and dicts get sorted keys (Ceilometer's decode_unicode), so
under Python 3 their str() shows b'...' reprs.

Written for this project from that description; run with Python 3:  python3 signature_vectors.py
Each vector below has a twin of the same name in MessageSigningTest.java.

With --fuzz FILE it also writes random messages (nested dicts and lists, ints, floats, bools, None,
non-ASCII and escape-worthy text) with their signatures under the secret 'k\u20acy', one JSON object a
line, for SignatureFuzzTest.java (src/test/resources/signing/fuzz.jsonl).
"""
import hashlib
import hmac
import json
import random
import sys


def rebuild_for_list(value):
    """What Ceilometer's decode_unicode does to the members of a list."""
    if isinstance(value, dict):
        out = {}
        for k, v in sorted(value.items()):
            out[rebuild_for_list(k)] = rebuild_for_list(v)
        return out
    if isinstance(value, (list, tuple)):
        return [rebuild_for_list(v) for v in value]
    if isinstance(value, str):
        return value.encode('utf-8')
    if isinstance(value, bytes):
        return value.decode('utf-8')
    return value


def flatten(d, prefix=''):
    for name in sorted(d):
        value = d[name]
        full = prefix + str(name)
        if isinstance(value, dict):
            yield from flatten(value, full + ':')
        elif isinstance(value, (list, tuple)):
            yield full, rebuild_for_list(value)
        else:
            yield full, value


def signature(message, secret):
    if not secret:
        return ''
    mac = hmac.new(secret.encode('utf-8'), b'', hashlib.sha256)
    for name, value in flatten(message):
        if name == 'message_signature':
            continue
        mac.update(str(name).encode('utf-8'))
        mac.update(str(value).encode('utf-8'))
    return mac.hexdigest()


def base():
    return {
        'source': 'openstack', 'counter_name': 'storage.objects', 'counter_type': 'gauge',
        'counter_unit': 'object', 'counter_volume': 42, 'user_id': None, 'project_id': 'p1',
        'resource_id': 'p1', 'timestamp': '2013-10-12T14:35:59Z',
        'resource_metadata': {'a': 1, 'b': {'c': 'x'}}, 'message_id': 'm1',
    }


def with_(volume=None, metadata=None, **extra):
    m = base()
    if volume is not None:
        m['counter_volume'] = volume
    if metadata is not None:
        m['resource_metadata'] = metadata
    m.update(extra)
    return m


VECTORS = {
    'base': base(),
    'base_with_signature_field': with_(message_signature='ignored'),
    'float_volume': with_(volume=0.1),
    'float_whole': with_(volume=42.0),
    'floats_metadata': with_(volume=1e16, metadata={
        'f1': 1e15, 'f2': 1e-05, 'f3': 0.0001, 'f4': 123456789.123, 'f5': 1.5e300, 'f6': -0.0,
        'f7': 1e22, 'f8': 5e-324, 'f9': 0.30000000000000004, 'f10': 2.5e-7, 'f11': 1.7976931348623157e308,
        'f12': 9007199254740993.0, 'f13': 2.8287938480615901e17, 'f14': 100.0, 'f15': -3.75}),
    'floats_special': with_(metadata={'inf': float('inf'), 'ninf': float('-inf'), 'nan': float('nan')}),
    'booleans_none': with_(metadata={'t': True, 'f': False, 'n': None, 'zero': 0, 'neg': -7,
                                     'big': 2 ** 63 - 1, 'bigger': 2 ** 70}),
    'nested_lists': with_(metadata={'tags': ['a', ['b', 'c'], [], 1, 2.5, True, False, None, 1e16],
                                    'empty': [], 'deep': [[[]]]}),
    'dicts_in_lists': with_(metadata={'items': [{'z': 1, 'a': 'x', 'm': None},
                                                {'n': {'deep': 'v', 'list': ['w', 3]}}, {}]}),
    'non_ascii': with_(metadata={
        'name': 'caf\u00e9 na\u00efve \u2603 \U0001F600',
        'list': ['caf\u00e9', '\u2603', '\U0001F600', "it's", 'q"uote', 'both \' and "', 'back\\slash',
                 'tab\tnl\nret\r', '\x7f\x00\x1f', '~ ok'],
        '\u043a\u043b\u044e\u0447': '\u0437\u043d\u0430\u0447\u0435\u043d\u0438\u0435',
        'dl': [{'\u00e9': '\u00e8'}]}),
    'code_point_order': with_(metadata={'\uff5a': 1, '\U0001F600': 2, 'z': 3, '\u00e9': 4}),
    'empty_metadata': with_(metadata={}),
    'string_that_looks_like_number': with_(metadata={'s': '42', 'l': ['42', 42]}),
}


ALPHABET = ['a', 'b', 'Z', '\u00e9', '\u2603', '\U0001F600', '\uff5a', "'", '"', '\\', '\n', '\t', '\x01',
            ' ', '0', '\u00df', '\u4e2d']


def random_text(rnd):
    return ''.join(rnd.choice(ALPHABET) for _ in range(rnd.randint(0, 5)))


def random_value(rnd, depth):
    c = rnd.randint(0, 9 if depth < 3 else 5)
    if c == 0:
        return None
    if c == 1:
        return rnd.choice([True, False])
    if c == 2:
        return rnd.randint(-10 ** 20, 10 ** 20) if rnd.random() < 0.2 else rnd.randint(-300, 300)
    if c == 3:
        return rnd.choice([rnd.uniform(-1e6, 1e6), rnd.random() * 10 ** rnd.randint(-30, 30), 1.0, 0.5])
    if c in (4, 5):
        return random_text(rnd)
    if c in (6, 7):
        return [random_value(rnd, depth + 1) for _ in range(rnd.randint(0, 4))]
    return {random_text(rnd): random_value(rnd, depth + 1) for _ in range(rnd.randint(0, 4))}


def write_fuzz(path, count=300, seed=3):
    rnd = random.Random(seed)
    with open(path, 'w', encoding='utf-8') as f:
        for _ in range(count):
            m = {random_text(rnd): random_value(rnd, 0) for _ in range(rnd.randint(1, 6))}
            f.write(json.dumps({'message': m, 'signature': signature(m, 'k\u20acy')}, ensure_ascii=False) + '\n')


if __name__ == '__main__':
    if len(sys.argv) == 3 and sys.argv[1] == '--fuzz':
        write_fuzz(sys.argv[2])
    for vname, message in VECTORS.items():
        print(f'{vname} {signature(message, "secret")}')
    print(f'empty_secret {signature(base(), "")!r}')
