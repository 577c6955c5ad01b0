/**
 * The media nodes of an OpenVidu Pro/Enterprise deployment (rest-api.md §5.17), reached through
 * {@link io.openvidu.java.client.OpenVidu#mediaNodes()}: list, get, add, remove with a deletion
 * strategy, change status. OpenVidu CE has no media-node API and answers these calls 404 or 405. An
 * addition to the official 2.20 client.
 */
package io.openvidu.java.client.medianode;
