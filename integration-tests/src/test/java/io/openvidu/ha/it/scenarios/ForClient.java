package io.openvidu.ha.it.scenarios;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Marks a test class written for one {@link ClientUnderTest}. This module's two surefire executions
 * each name their client in the system property {@code it.client} (see the pom). The class is
 * skipped in the execution meant for the other client (a {@code -Dtest=...} filter runs both
 * executions), before any of its extensions starts a cluster; in its own execution it fails at once
 * if the class path holds the other client, so that a broken pom cannot run the same client twice
 * unnoticed.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
@ExtendWith(ForClient.Condition.class)
public @interface ForClient {
  /** The client the class's tests must run against. */
  ClientUnderTest value();

  /** Decides whether a {@link ForClient} class runs in this execution. */
  final class Condition implements ExecutionCondition {
    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
      ForClient wanted = context.getRequiredTestClass().getAnnotation(ForClient.class);
      String execution = System.getProperty("it.client", ClientUnderTest.OURS.name());
      if (!wanted.value().name().equals(execution)) {
        return ConditionEvaluationResult.disabled(
            "this surefire execution runs the " + execution + " client");
      }
      ClientUnderTest found = ClientUnderTest.onClassPath();
      if (found != wanted.value()) {
        throw new IllegalStateException(
            "the " + execution + " execution has the " + found + " client on its class path");
      }
      return ConditionEvaluationResult.enabled("the " + execution + " client is on the class path");
    }
  }
}
