/**
 * The {@code mongodb://} storage backend: the collections, indexes and write semantics of Ceilometer
 * Icehouse's {@code impl_mongodb}, written in batches of a constant number of round trips.
 */
package org.ceilometer.osgi.storage.mongodb;
