/**
 * OpenVidu's webhook events, typed, and a receiver that checks where a POST comes from and drops
 * repeats. Start with {@link io.openvidu.java.client.webhook.WebhookReceiver}; {@link
 * io.openvidu.java.client.webhook.WebhookEvent#parse(byte[])} reads a body without checks. Depends
 * on no web framework: give it the raw body bytes and a header lookup.
 */
package io.openvidu.java.client.webhook;
