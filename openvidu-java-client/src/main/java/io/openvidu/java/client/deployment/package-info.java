/**
 * What a deployment says about itself: its configuration ({@link
 * io.openvidu.java.client.OpenVidu#getConfiguration()}, {@code GET /openvidu/api/config}) and the
 * health of each master ({@link io.openvidu.java.client.OpenVidu#health()}, {@code GET
 * /openvidu/api/health} asked of every endpoint). An addition to the official 2.20 client.
 */
package io.openvidu.java.client.deployment;
