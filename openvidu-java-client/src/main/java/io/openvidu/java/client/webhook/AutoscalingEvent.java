package io.openvidu.java.client.webhook;

import io.openvidu.java.client.internal.json.ResponseJson;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

/**
 * {@code autoscaling}: the autoscaling algorithm decided to launch or terminate media nodes; the
 * matching {@code mediaNodeStatusChanged} events follow. Not about a session. Immutable and
 * thread-safe, as are its nested values.
 */
public final class AutoscalingEvent extends WebhookEvent {

  /** The event's name, the value of its {@code event} member. */
  public static final String NAME = "autoscaling";

  private final String clusterId;
  private final String reason;
  private final Launch launch;
  private final Termination termination;
  private final Limits limits;
  private final Status status;

  AutoscalingEvent(ResponseJson body, String json) {
    super(body, json);
    this.clusterId = body.requireText("clusterId");
    this.reason = body.requireText("reason");
    ResponseJson mediaNodes = body.requireObject("mediaNodes");
    this.launch = new Launch(mediaNodes.requireObject("launch"));
    this.termination = new Termination(mediaNodes.requireObject("terminate"));
    ResponseJson system = body.requireObject("system");
    this.limits = new Limits(system.requireObject("config"));
    this.status = new Status(system.requireObject("status"));
  }

  /**
   * @return the cluster's id ({@code clusterId})
   */
  public String clusterId() {
    return clusterId;
  }

  /**
   * @return the algorithm's explanation, free text meant for people ({@code reason})
   */
  public String reason() {
    return reason;
  }

  /**
   * @return the nodes to launch ({@code mediaNodes.launch})
   */
  public Launch launch() {
    return launch;
  }

  /**
   * @return the nodes to terminate ({@code mediaNodes.terminate})
   */
  public Termination termination() {
    return termination;
  }

  /**
   * @return the autoscaling limits in force ({@code system.config})
   */
  public Limits limits() {
    return limits;
  }

  /**
   * @return the cluster's state the decision was based on ({@code system.status})
   */
  public Status status() {
    return status;
  }

  private static List<Node> nodes(ResponseJson body, String name) {
    List<Node> nodes = new ArrayList<>();
    for (ResponseJson node : body.requireObjects(name)) {
      nodes.add(new Node(node));
    }
    return Collections.unmodifiableList(nodes);
  }

  /** One media node as the autoscaling event lists it. */
  public static final class Node {

    private final String id;
    private final String environmentId;
    private final String ip;
    private final double load;
    private final String status;

    Node(ResponseJson body) {
      this.id = body.requireText("id");
      this.environmentId = body.optionalText("environmentId");
      this.ip = body.optionalText("ip");
      this.load = body.requireDouble("load");
      this.status = body.requireText("status");
    }

    /**
     * @return the node's id
     */
    public String id() {
      return id;
    }

    /**
     * @return the node's id in its environment; empty while unknown (a launching node)
     */
    public Optional<String> environmentId() {
      return Optional.ofNullable(environmentId);
    }

    /**
     * @return the node's IP address; empty while unknown (a launching node)
     */
    public Optional<String> ip() {
      return Optional.ofNullable(ip);
    }

    /**
     * @return the node's load, in percent
     */
    public double load() {
      return load;
    }

    /**
     * @return the node's status
     */
    public MediaNodeStatus status() {
      return MediaNodeStatus.fromValue(status);
    }

    /**
     * @return the {@code status} member's text, also when {@link #status()} does not know it
     */
    public String statusAsString() {
      return status;
    }

    @Override
    public String toString() {
      return "Node{id=" + id + ", load=" + load + ", status=" + status + "}";
    }
  }

  /** The nodes the decision launches. */
  public static final class Launch {

    private final int total;
    private final int newNodes;
    private final List<Node> waitingIdleToTerminateNodes;
    private final List<Node> canceledNodes;

    Launch(ResponseJson body) {
      this.total = body.requireInt("total");
      this.newNodes = body.requireInt("newNodes");
      this.waitingIdleToTerminateNodes = nodes(body, "waitingIdleToTerminateNodes");
      this.canceledNodes = nodes(body, "canceledNodes");
    }

    /**
     * @return how many nodes the decision brings into service: new ones and those taken back
     */
    public int total() {
      return total;
    }

    /**
     * @return how many new nodes are launched
     */
    public int newNodes() {
      return newNodes;
    }

    /**
     * @return the nodes waiting to terminate that return to service; unmodifiable
     */
    public List<Node> waitingIdleToTerminateNodes() {
      return waitingIdleToTerminateNodes;
    }

    /**
     * @return the canceled nodes that launch again; unmodifiable
     */
    public List<Node> canceledNodes() {
      return canceledNodes;
    }
  }

  /** The nodes the decision terminates. */
  public static final class Termination {

    private final int total;
    private final List<Node> runningNodes;
    private final List<Node> launchingNodes;

    Termination(ResponseJson body) {
      this.total = body.requireInt("total");
      this.runningNodes = nodes(body, "runningNodes");
      this.launchingNodes = nodes(body, "launchingNodes");
    }

    /**
     * @return how many nodes the decision takes out of service
     */
    public int total() {
      return total;
    }

    /**
     * @return the running nodes to terminate; unmodifiable
     */
    public List<Node> runningNodes() {
      return runningNodes;
    }

    /**
     * @return the launching nodes to cancel; unmodifiable
     */
    public List<Node> launchingNodes() {
      return launchingNodes;
    }
  }

  /** The autoscaling limits: node counts and average load bounds, in percent. */
  public static final class Limits {

    private final int maxNodes;
    private final int minNodes;
    private final double maxAvgLoad;
    private final double minAvgLoad;

    Limits(ResponseJson body) {
      this.maxNodes = body.requireInt("maxNodes");
      this.minNodes = body.requireInt("minNodes");
      this.maxAvgLoad = body.requireDouble("maxAvgLoad");
      this.minAvgLoad = body.requireDouble("minAvgLoad");
    }

    /**
     * @return the most media nodes the cluster may run
     */
    public int maxNodes() {
      return maxNodes;
    }

    /**
     * @return the fewest media nodes the cluster runs
     */
    public int minNodes() {
      return minNodes;
    }

    /**
     * @return the average load above which nodes are launched, in percent
     */
    public double maxAvgLoad() {
      return maxAvgLoad;
    }

    /**
     * @return the average load below which nodes are terminated, in percent
     */
    public double minAvgLoad() {
      return minAvgLoad;
    }
  }

  /** The cluster's state when the decision was made. */
  public static final class Status {

    private final int numNodes;
    private final double totalLoad;
    private final double avgLoad;
    private final List<Node> runningNodes;
    private final List<Node> launchingNodes;
    private final List<Node> waitingIdleToTerminateNodes;
    private final List<Node> canceledNodes;

    Status(ResponseJson body) {
      this.numNodes = body.requireInt("numNodes");
      this.totalLoad = body.requireDouble("totalLoad");
      this.avgLoad = body.requireDouble("avgLoad");
      this.runningNodes = nodes(body, "runningNodes");
      this.launchingNodes = nodes(body, "launchingNodes");
      this.waitingIdleToTerminateNodes = nodes(body, "waitingIdleToTerminateNodes");
      this.canceledNodes = nodes(body, "canceledNodes");
    }

    /**
     * @return running and launching nodes
     */
    public int numNodes() {
      return numNodes;
    }

    /**
     * @return the sum of the nodes' loads, in percent
     */
    public double totalLoad() {
      return totalLoad;
    }

    /**
     * @return {@link #totalLoad()} divided by {@link #numNodes()}
     */
    public double avgLoad() {
      return avgLoad;
    }

    /**
     * @return the running nodes; unmodifiable
     */
    public List<Node> runningNodes() {
      return runningNodes;
    }

    /**
     * @return the launching nodes; unmodifiable
     */
    public List<Node> launchingNodes() {
      return launchingNodes;
    }

    /**
     * @return the nodes waiting to terminate; unmodifiable
     */
    public List<Node> waitingIdleToTerminateNodes() {
      return waitingIdleToTerminateNodes;
    }

    /**
     * @return the canceled nodes; unmodifiable
     */
    public List<Node> canceledNodes() {
      return canceledNodes;
    }
  }
}
