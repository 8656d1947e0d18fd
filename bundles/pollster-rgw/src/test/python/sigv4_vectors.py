#!/usr/bin/env python3
"""Reference AWS Signature Version 4 signer and generator of the bundle's SigV4 test vectors.

A second, independent implementation of the signer in ``SigV4.java``, written from AWS's description
of the algorithm (create a canonical request, create the string to sign, derive the signing key,
calculate the signature, add it to the ``Authorization`` header), in the form S3 and Ceph RGW verify:

* the canonical URI is the path, percent-decoded once and encoded again with every byte outside
  ``A-Z a-z 0-9 - _ . ~`` and ``/`` written ``%XX`` (upper-case hex). S3 does not normalize paths,
  so ``.``, ``..`` and repeated slashes stay as they are;
* the canonical query: each ``name=value`` pair (a pair without ``=`` has an empty value) decoded and
  encoded likewise, ``/`` included, then sorted by name and then by value; ``+`` is a literal plus;
* the canonical headers: names lower-cased, values trimmed and each run of blanks (space, tab, CR, LF,
  so folded lines too) made one space, repeated names joined with ``,`` in request order, sorted
  by name; every header given is signed;
* the payload hash is the hex SHA-256 of the body, or ``UNSIGNED-PAYLOAD``.

Only the standard library is used. Run it from anywhere::

    python3 src/test/python/sigv4_vectors.py           # writes src/test/resources/sigv4-vectors.json
    python3 src/test/python/sigv4_vectors.py --check   # fails when the file is not what it would write

Before writing, it checks itself against the signed examples of AWS's documentation and stops if it
does not reproduce them.
"""

import argparse
import hashlib
import hmac
import json
import pathlib
import re
import sys
import urllib.parse

ALGORITHM = "AWS4-HMAC-SHA256"
UNSIGNED_PAYLOAD = "UNSIGNED-PAYLOAD"
DEFAULT_OUTPUT = pathlib.Path(__file__).resolve().parent.parent / "resources" / "sigv4-vectors.json"
_BLANKS = re.compile(r"[ \t\r\n]+")


# --- the algorithm -------------------------------------------------------------------------------


def sha256_hex(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def _hmac(key: bytes, text: str) -> bytes:
    return hmac.new(key, text.encode("utf-8"), hashlib.sha256).digest()


def _recode(text: str, keep_slash: bool) -> str:
    """Decodes valid %XX escapes of ``text`` (as UTF-8 bytes), then percent-encodes the bytes."""
    return urllib.parse.quote(urllib.parse.unquote_to_bytes(text), safe="/" if keep_slash else "")


def canonical_uri(path: str) -> str:
    return _recode(path, keep_slash=True) if path else "/"


def canonical_query(query) -> str:
    if not query:
        return ""
    pairs = []
    for part in query.split("&"):
        if part:
            name, _, value = part.partition("=")
            pairs.append((_recode(name, keep_slash=False), _recode(value, keep_slash=False)))
    pairs.sort()
    return "&".join(name + "=" + value for name, value in pairs)


def _trim_all(value: str) -> str:
    return _BLANKS.sub(" ", value).strip(" ")


def canonical_headers(headers):
    """(canonical header block, signed header list) of a list of (name, value) in request order."""
    merged = {}
    for name, value in headers:
        merged.setdefault(name.strip().lower(), []).append(_trim_all(value))
    names = sorted(merged)
    block = "".join(name + ":" + ",".join(merged[name]) + "\n" for name in names)
    return block, ";".join(names)


def signing_key(secret: str, day: str, region: str, service: str) -> bytes:
    k_date = _hmac(("AWS4" + secret).encode("utf-8"), day)
    k_region = _hmac(k_date, region)
    k_service = _hmac(k_region, service)
    return _hmac(k_service, "aws4_request")


def sign(method, path, query, headers, payload_hash, amz_date, region, service, access_key, secret):
    """Every intermediate result of signing one request, as a dict."""
    header_block, signed_headers = canonical_headers(headers)
    canonical_request = "\n".join([
        method,
        canonical_uri(path),
        canonical_query(query),
        header_block,
        signed_headers,
        payload_hash,
    ])
    day = amz_date[:8]
    scope = "/".join([day, region, service, "aws4_request"])
    string_to_sign = "\n".join([ALGORITHM, amz_date, scope, sha256_hex(canonical_request.encode("utf-8"))])
    signature = hmac.new(signing_key(secret, day, region, service), string_to_sign.encode("utf-8"),
                         hashlib.sha256).hexdigest()
    authorization = "%s Credential=%s/%s, SignedHeaders=%s, Signature=%s" % (
        ALGORITHM, access_key, scope, signed_headers, signature)
    return {
        "canonical_request": canonical_request,
        "signed_headers": signed_headers,
        "credential_scope": scope,
        "string_to_sign": string_to_sign,
        "signature": signature,
        "authorization": authorization,
    }


# --- AWS's documented examples: the implementation must reproduce them --------------------------

# AWS's example credentials, as printed in its documentation.
AWS_DOC_ACCESS_KEY = "AKIDEXAMPLE"
AWS_DOC_SECRET = "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY"

AWS_DOCUMENTED_EXAMPLES = [
    {
        # IAM user guide / general reference, "Create a signed AWS API request" (the ListUsers GET)
        "name": "aws-doc-iam-listusers-get",
        "method": "GET", "path": "/", "query": "Action=ListUsers&Version=2010-05-08",
        "headers": [["Host", "iam.amazonaws.com"],
                    ["Content-Type", "application/x-www-form-urlencoded; charset=utf-8"],
                    ["X-Amz-Date", "20150830T123600Z"]],
        "payload": "", "date": "20150830T123600Z", "region": "us-east-1", "service": "iam",
        "canonical_request_sha256": "f536975d06c0309214f805bb90ccff089219ecd68b2577efef23edd43b7e1a59",
        "signature": "5d672d79c15b13162d9279b0855cfba6789a8edb4c82c400e06b5924a6f2b5d7",
    },
    {
        # the general reference's earlier edition, "Signed Signature Version 4 Requests Examples" (POST)
        "name": "aws-doc-iam-listusers-post",
        "method": "POST", "path": "/", "query": None,
        "headers": [["host", "iam.amazonaws.com"],
                    ["Content-type", "application/x-www-form-urlencoded; charset=utf-8"],
                    ["x-amz-date", "20110909T233600Z"]],
        "payload": "Action=ListUsers&Version=2010-05-08", "date": "20110909T233600Z",
        "region": "us-east-1", "service": "iam",
        "canonical_request_sha256": "3511de7e95d28ecd39e9513b642aee07e54f4941150d8df8bf94b328ef7e55e2",
        "signature": "ced6826de92d2bdeed8f846f0bf508e8559e98e4b0199114b84c54174deb456c",
    },
]


def check_documented_examples():
    for ex in AWS_DOCUMENTED_EXAMPLES:
        got = sign(ex["method"], ex["path"], ex["query"], ex["headers"],
                   sha256_hex(ex["payload"].encode("utf-8")), ex["date"], ex["region"], ex["service"],
                   AWS_DOC_ACCESS_KEY, AWS_DOC_SECRET)
        creq_hash = sha256_hex(got["canonical_request"].encode("utf-8"))
        if creq_hash != ex["canonical_request_sha256"] or got["signature"] != ex["signature"]:
            sys.exit("%s: got canonical request hash %s and signature %s, AWS documents %s and %s"
                     % (ex["name"], creq_hash, got["signature"], ex["canonical_request_sha256"], ex["signature"]))


# --- the cases -----------------------------------------------------------------------------------

# Our own test credentials and hosts (not AWS's examples, except in the aws-doc-* cases).
KEY = "CEILOMETERTESTKEY001"
SECRET = "ceilometer/osgi+Test+Secret/0123456789abcdefABCDEF"
HOST = "sigv4.example.org"
DATE = "20240229T235959Z"
RGW_HOST = "rgw.example.org:8080"
RGW_KEY = "RGWADMINACCESSKEY042"
RGW_SECRET = "rgw+admin/secret+0123456789ABCDEFghijklmn"
PROJECT = "9c3a6f1e4b2d4e0f8a7b6c5d4e3f2a1b"


def case(name, description, method="GET", path="/", query=None, headers=None, payload="",
         payload_hash=None, content_sha256=False, date=DATE, region="us-east-1", service="service",
         access_key=KEY, secret=SECRET, unsigned_headers=None):
    """One vector: the request as sent (headers in request order, X-Amz-Date added last when not
    given, X-Amz-Content-Sha256 added after it when asked) and what signing it gives."""
    headers = [list(h) for h in (headers if headers is not None else [["Host", HOST]])]
    if not any(h[0].lower() == "x-amz-date" for h in headers):
        headers.append(["X-Amz-Date", date])
    if payload_hash is None:
        payload_hash = sha256_hex(payload.encode("utf-8"))
    if content_sha256:
        headers.append(["X-Amz-Content-Sha256", payload_hash])
    expected = sign(method, path, query, headers, payload_hash, date, region, service, access_key, secret)
    vector = {
        "name": name,
        "description": description,
        "method": method,
        "path": path,
        "query": query,
        "headers": headers,
        "payload": payload,
        "payload_hash": payload_hash,
        "date": date,
        "region": region,
        "service": service,
        "access_key": access_key,
        "secret_key": secret,
        "expected": expected,
    }
    if unsigned_headers:
        vector["unsigned_headers"] = unsigned_headers
    return vector


def rgw(name, description, path, query, host=RGW_HOST, date="20260115T083000Z"):
    """A request as the pollster sends it: GET, no body, host;x-amz-content-sha256;x-amz-date signed,
    service s3, region us-east-1 (Ceilometer's _DEFAULT_REGION); Accept is sent but not signed."""
    return case(name, description, path=path, query=query, headers=[["host", host]], content_sha256=True,
                date=date, region="us-east-1", service="s3", access_key=RGW_KEY, secret=RGW_SECRET,
                unsigned_headers=[["Accept", "application/json"]])


def cases():
    out = []
    for ex in AWS_DOCUMENTED_EXAMPLES:
        out.append(case(ex["name"], "AWS's documented example (its signature is checked by the generator)",
                        method=ex["method"], path=ex["path"], query=ex["query"], headers=ex["headers"],
                        payload=ex["payload"], date=ex["date"], region=ex["region"], service=ex["service"],
                        access_key=AWS_DOC_ACCESS_KEY, secret=AWS_DOC_SECRET))
    out += [
        # plain requests
        case("get-vanilla", "GET / with only Host and X-Amz-Date"),
        case("get-vanilla-s3", "GET of an object, service s3, another region and day",
             path="/bucket/object.txt", region="eu-west-2", service="s3", date="20231231T000000Z"),
        case("post-vanilla", "POST / without a body", method="POST"),
        case("post-vanilla-query", "POST with a query and no body", method="POST", query="Param1=value1"),
        case("put-object", "PUT with a body, its hash sent in X-Amz-Content-Sha256", method="PUT",
             path="/bucket/notes.txt", payload="Hello, RGW!\n", content_sha256=True, service="s3",
             headers=[["Host", HOST], ["Content-Type", "text/plain"], ["Content-Length", "12"]]),
        case("put-unsigned-payload", "PUT whose payload is not signed (UNSIGNED-PAYLOAD)", method="PUT",
             path="/bucket/big.bin", payload="0123456789", payload_hash="UNSIGNED-PAYLOAD",
             content_sha256=True, service="s3"),
        case("get-empty-payload-hash", "GET signing x-amz-content-sha256 of the empty body, as awscurl",
             content_sha256=True, service="s3"),
        case("post-form-urlencoded", "POST of a form body, its hash signed",
             method="POST", payload="Param1=value1", content_sha256=True,
             headers=[["Content-Type", "application/x-www-form-urlencoded"], ["Host", HOST]]),
        case("post-form-urlencoded-charset", "POST of a form body, Content-Type with a charset",
             method="POST", payload="Param1=value1&Param2=v%C3%A4lue2", content_sha256=True,
             headers=[["Content-Type", "application/x-www-form-urlencoded; charset=utf-8"], ["Host", HOST]]),
        case("post-utf8-body", "POST of a UTF-8 JSON body", method="POST",
             payload='{"name": "\u00e9t\u00e9 \u2603"}', content_sha256=True,
             headers=[["Host", HOST], ["Content-Type", "application/json"]]),

        # the query
        case("get-query-order-key", "parameters sorted by name", query="b=2&a=1&c=3"),
        case("get-query-order-key-case", "upper case names sort before lower case ones",
             query="param1=value1&Param2=value2&PARAM0=value0"),
        case("get-query-order-value", "a repeated name sorted by value", query="Param1=value2&Param1=value1&Param1=Value3"),
        case("get-query-order-encoded", "sorted by the encoded names, not the decoded ones",
             query="a~=1&a\u00e9=2&a%20b=3&a-b=4"),
        case("get-query-empty-value", "a name without '=' and one with an empty value",
             query="Param2&Param1=&Param3=value3"),
        case("get-query-empty-key", "a pair with an empty name", query="=value1&Param2=value2"),
        case("get-query-empty-pairs", "empty pairs between '&' are ignored", query="&a=1&&b=2&"),
        case("get-query-equals-in-value", "only the first '=' separates name and value", query="a=b=c&d==="),
        case("get-query-unreserved", "unreserved characters stay as they are",
             query="-._~0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz="
                   "-._~0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"),
        case("get-query-reserved-raw", "reserved characters sent raw are encoded, '/' included",
             query="chars=:/?#[]@!$'()*,;"),
        case("get-query-reserved-encoded", "reserved characters sent encoded stay encoded",
             query="chars=%3A%2F%3F%23%5B%5D%40%21%24%26%27%28%29%2A%2B%2C%3B%3D"),
        case("get-query-lower-case-escapes", "escapes are rewritten in upper case hex", query="q=%2f%3a%c3%a9"),
        case("get-query-space-and-plus", "%20 is a space, '+' a literal plus (%2B)", query="q=a%20b&r=a+b&s=a b"),
        case("get-query-utf8-raw", "UTF-8 name and value sent raw", query="\u1234=\u00e9t\u00e9&k=\U0001f600"),
        case("get-query-utf8-encoded", "the same UTF-8 sent percent-encoded gives the same canonical query",
             query="%E1%88%B4=%C3%A9t%C3%A9&k=%F0%9F%98%80"),
        case("get-query-double-encoded", "an encoded '%' is decoded once only", query="uid=a%2524b"),
        case("get-query-invalid-escape", "a '%' not followed by two hex digits is a literal '%'",
             query="p=100%&q=%zz&r=%4"),

        # the headers
        case("get-header-key-duplicate", "a repeated header joined with ',' in request order",
             headers=[["Host", HOST], ["My-Header1", "value2"], ["My-Header1", "value2"], ["My-Header1", "value1"]]),
        case("get-header-value-order", "values of a repeated header are not sorted",
             headers=[["Host", HOST], ["My-Header1", "value4"], ["My-Header1", "value1"],
                      ["My-Header1", "value3"], ["My-Header1", "value2"]]),
        case("get-header-value-multiline", "a folded value: its line breaks and indents become one space",
             headers=[["Host", HOST], ["My-Header1", "value1\n  value2\n     value3"]]),
        case("get-header-value-trim", "values trimmed, inner runs of spaces and tabs made one space",
             headers=[["Host", HOST], ["My-Header1", "  value1   "], ["My-Header2", "\t\"a   b\t\tc\"  "],
                      ["My-Header3", "x \t y"]]),
        case("get-header-value-empty", "an empty value is signed as empty",
             headers=[["Host", HOST], ["My-Header1", ""], ["My-Header2", "   "]]),
        case("get-header-key-case", "names lower-cased, values keep their case",
             headers=[["HOST", HOST], ["My-HEADER1", "Value1"], ["my-header2", "VALUE2"]]),
        case("get-header-key-sort", "headers given in reverse order are signed sorted",
             headers=[["Zeta", "z"], ["My-Header2", "2"], ["My-Header1", "1"], ["Host", HOST],
                      ["Content-Type", "text/plain"]]),
        case("get-header-key-same-name-mixed-case", "the same name in two cases is one header",
             headers=[["Host", HOST], ["X-Custom", "a"], ["x-custom", "b"], ["X-CUSTOM", "c"]]),

        # temporary credentials
        case("get-session-token", "a session token signed as X-Amz-Security-Token",
             headers=[["Host", HOST], ["X-Amz-Security-Token", "c2Vzc2lvbi10b2tlbi1mb3ItdGVzdHM="]]),
        case("post-session-token-unsigned", "a session token added after signing is not part of it",
             method="POST", unsigned_headers=[["X-Amz-Security-Token", "c2Vzc2lvbi10b2tlbi1mb3ItdGVzdHM="]]),

        # the path: encoded once, never normalized (S3 and RGW)
        case("get-path-empty", "an empty path is '/'", path=""),
        case("get-path-unreserved", "unreserved characters stay as they are",
             path="/-._~0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"),
        case("get-path-reserved", "reserved characters other than '/' are encoded", path="/a:b@c!$&'()*+,;=/d"),
        case("get-path-utf8-raw", "a UTF-8 path sent raw", path="/\u1234/\u00e9t\u00e9"),
        case("get-path-utf8-encoded", "the same path sent encoded, lower case hex", path="/%e1%88%b4/%C3%A9t%C3%A9"),
        case("get-path-space", "a space, raw or encoded, is %20", path="/example space/example%20space"),
        case("get-path-double-encoded", "an encoded '%' is decoded once only", path="/a%2520b"),
        case("get-path-encoded-slash", "an encoded '/' decodes to a path separator", path="/a%2Fb"),
        case("get-path-slash-slash", "'//' is kept", path="//"),
        case("get-path-slashes", "repeated slashes are kept", path="//example//"),
        case("get-path-slash-dot-slash", "'/./' is kept", path="/./"),
        case("get-path-pointless-dot", "'/./example' is kept", path="/./example"),
        case("get-path-relative", "'..' is kept", path="/example/.."),
        case("get-path-relative-relative", "'../..' is kept", path="/example1/example2/../.."),
        case("get-path-trailing-slash", "a trailing slash is kept", path="/bucket/prefix/"),

        # the RGW admin requests of the pollster
        rgw("rgw-admin-bucket-stats", "the bucket round: uid then stats, as the pollster builds it",
            "/admin/bucket", "uid=" + PROJECT + "&stats=true"),
        rgw("rgw-admin-bucket-stats-implicit-tenant", "implicit_tenants: uid <id>$<id> sent as %24",
            "/admin/bucket", "uid=" + PROJECT + "%24" + PROJECT + "&stats=true"),
        rgw("rgw-admin-bucket-stats-implicit-tenant-raw", "a raw '$' signs as %24, like the encoded one",
            "/admin/bucket", "uid=" + PROJECT + "$" + PROJECT + "&stats=true"),
        rgw("rgw-admin-usage", "the usage round", "/admin/usage", "uid=" + PROJECT),
        rgw("rgw-admin-usage-implicit-tenant", "the usage round with implicit_tenants",
            "/admin/usage", "uid=" + PROJECT + "%24" + PROJECT),
        rgw("rgw-admin-usage-default-port", "https on its default port: Host without a port",
            "/admin/usage", "uid=" + PROJECT, host="rgw.example.org"),
        rgw("rgw-admin-bucket-ipv6", "an IPv6 endpoint with a port",
            "/admin/bucket", "uid=" + PROJECT + "&stats=true", host="[2001:db8::7]:7480"),
        rgw("rgw-admin-usage-new-year", "a request at midnight UTC: the scope takes the new day",
            "/admin/usage", "uid=" + PROJECT, date="20270101T000000Z"),
    ]
    return out


def render() -> str:
    check_documented_examples()
    vectors = cases()
    names = [v["name"] for v in vectors]
    duplicates = sorted({n for n in names if names.count(n) > 1})
    if duplicates:
        sys.exit("duplicate case names: %s" % duplicates)
    document = {
        "about": "AWS Signature Version 4 test vectors of ceilometer.pollster-rgw, generated by "
                 "src/test/python/sigv4_vectors.py; do not edit, run it again.",
        "cases": vectors,
    }
    return json.dumps(document, indent=2, ensure_ascii=True) + "\n"


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--output", type=pathlib.Path, default=DEFAULT_OUTPUT)
    parser.add_argument("--check", action="store_true", help="compare with the file instead of writing it")
    args = parser.parse_args()
    text = render()
    if args.check:
        current = args.output.read_text(encoding="utf-8") if args.output.exists() else ""
        if current != text:
            sys.exit("%s is not up to date: run %s" % (args.output, sys.argv[0]))
        print("%s is up to date" % args.output)
        return
    args.output.write_text(text, encoding="utf-8")
    print("wrote %d cases to %s" % (len(json.loads(text)["cases"]), args.output))


if __name__ == "__main__":
    main()
