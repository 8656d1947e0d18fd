/**
 * An embedded MongoDB-wire store for the demo runtime: mongo-java-server with its H2 backend (one
 * MVStore file), started on loopback when the framework property {@code ceilometer.demo} is true.
 */
package org.ceilometer.osgi.mongo.embedded;
