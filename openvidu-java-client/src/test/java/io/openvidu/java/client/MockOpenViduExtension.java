package io.openvidu.java.client;

import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Gives each test that declares a {@link MockOpenVidu} parameter a fresh scripted server and
 * client, closed after the test.
 */
final class MockOpenViduExtension implements ParameterResolver {

  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    return parameter.getParameter().getType() == MockOpenVidu.class;
  }

  @Override
  public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
    MockOpenVidu mock = new MockOpenVidu();
    context
        .getStore(ExtensionContext.Namespace.create(MockOpenViduExtension.class))
        .put(parameter.getIndex(), mock); // an AutoCloseable in the store is closed after the test
    return mock;
  }
}
