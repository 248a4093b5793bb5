/**
 * The Elasticsearch server version the project provisions. The only place it is written:
 * the client in package.json must share its major version (a unit test checks that).
 * 9.x because the 9.x client is the one whose `engines` accept Node 20 and whose API the
 * code is written against; it needs a JDK >= 21 (see jdk.ts).
 */
export const ELASTICSEARCH_VERSION = '9.4.3';

/** Maven coordinates of Elastic's integration-test distribution (core modules only, no bundled JDK). */
export const ELASTICSEARCH_ARTIFACT = `org.elasticsearch.distribution.integ-test-zip:elasticsearch:${ELASTICSEARCH_VERSION}:zip`;

export const MIN_JDK_FOR_ELASTICSEARCH = 21;
