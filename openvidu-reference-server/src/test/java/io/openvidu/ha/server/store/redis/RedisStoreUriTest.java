package io.openvidu.ha.server.store.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.lettuce.core.RedisURI;
import org.junit.jupiter.api.Test;

class RedisStoreUriTest {

  @Test
  void sentinelUriWithTheMasterNameAsPathNamesEverySentinelAndTheMaster() {
    RedisURI uri = RedisStoreUri.parse("redis-sentinel://10.0.0.1:26379,10.0.0.2:26380/mymaster");

    assertThat(uri.getSentinelMasterId()).isEqualTo("mymaster");
    assertThat(uri.getSentinels())
        .extracting(RedisURI::getHost, RedisURI::getPort)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("10.0.0.1", 26379),
            org.assertj.core.groups.Tuple.tuple("10.0.0.2", 26380));
  }

  @Test
  void lettuceSentinelFormIsAcceptedAsIs() {
    RedisURI uri = RedisStoreUri.parse("redis-sentinel://10.0.0.1:26379#mymaster");

    assertThat(uri.getSentinelMasterId()).isEqualTo("mymaster");
    assertThat(uri.getSentinels()).hasSize(1);
  }

  @Test
  void sentinelUriKeepsItsQueryParameters() {
    RedisURI uri = RedisStoreUri.parse("redis-sentinel://10.0.0.1:26379/mymaster?timeout=7s");

    assertThat(uri.getSentinelMasterId()).isEqualTo("mymaster");
    assertThat(uri.getTimeout()).hasSeconds(7);
  }

  @Test
  void sentinelUriWithoutMasterIsRefused() {
    assertThatThrownBy(() -> RedisStoreUri.parse("redis-sentinel://10.0.0.1:26379"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("MASTER_NAME");
  }

  @Test
  void plainRedisUriNamesOneServer() {
    RedisURI uri = RedisStoreUri.parse("redis://10.0.0.1:6380");

    assertThat(uri.getSentinels()).isEmpty();
    assertThat(uri.getHost()).isEqualTo("10.0.0.1");
    assertThat(uri.getPort()).isEqualTo(6380);
  }

  @Test
  void refusalOfAMalformedUriDoesNotRepeatItsPassword() {
    assertThatThrownBy(() -> RedisStoreUri.parse("redis://:s3cret@[bad"))
        .isInstanceOf(IllegalArgumentException.class)
        .message()
        .doesNotContain("s3cret");
  }
}
