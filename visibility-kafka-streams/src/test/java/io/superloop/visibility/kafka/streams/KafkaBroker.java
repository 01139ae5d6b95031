package io.superloop.visibility.kafka.streams;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.Uuid;

/**
 * A real single-node KRaft broker (broker and controller in one process), started from Kafka's own
 * artifacts ({@code org.apache.kafka:kafka_2.13}, {@code kafka.Kafka}) in a child JVM on loopback
 * with free ports and a temporary log directory. Exactly-once v2 on one broker needs the
 * transaction state log's replication factor and minimum ISR set to 1, as here. No Docker, no
 * network beyond 127.0.0.1.
 */
final class KafkaBroker implements AutoCloseable {
  private final Process process;
  private final String bootstrap;
  private final Path log;

  private KafkaBroker(Process process, String bootstrap, Path log) {
    this.process = process;
    this.bootstrap = bootstrap;
    this.log = log;
  }

  /** {@return {@code 127.0.0.1:port} of the broker's listener} */
  String bootstrap() {
    return bootstrap;
  }

  /** Formats a log directory under {@code dir} and starts the broker; returns once it answers. */
  static KafkaBroker start(Path dir, Duration timeout) throws IOException, InterruptedException {
    int port = freePort();
    int controller = freePort();
    Path logs = Files.createDirectories(dir.resolve("kraft-logs"));
    Path config = dir.resolve("server.properties");
    String props =
        String.join(
            "\n",
            "process.roles=broker,controller",
            "node.id=1",
            "controller.quorum.voters=1@127.0.0.1:" + controller,
            "listeners=PLAINTEXT://127.0.0.1:" + port + ",CONTROLLER://127.0.0.1:" + controller,
            "advertised.listeners=PLAINTEXT://127.0.0.1:" + port,
            "controller.listener.names=CONTROLLER",
            "inter.broker.listener.name=PLAINTEXT",
            "listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT",
            "log.dirs=" + logs,
            "num.partitions=1",
            "default.replication.factor=1",
            "offsets.topic.replication.factor=1",
            "offsets.topic.num.partitions=1",
            "transaction.state.log.replication.factor=1",
            "transaction.state.log.min.isr=1",
            "transaction.state.log.num.partitions=1",
            "share.coordinator.state.topic.replication.factor=1",
            "share.coordinator.state.topic.min.isr=1",
            "group.initial.rebalance.delay.ms=0",
            "auto.create.topics.enable=false",
            "");
    Files.writeString(config, props, StandardCharsets.UTF_8);
    Path log = dir.resolve("broker.log");
    Process format =
        killOnExit(
            java(
                    "kafka.tools.StorageTool",
                    "format",
                    "-t",
                    Uuid.randomUuid().toString(),
                    "-c",
                    config.toString())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start());
    if (!format.waitFor(timeout.toSeconds(), TimeUnit.SECONDS) || format.exitValue() != 0) {
      format.destroyForcibly();
      throw new IllegalStateException(
          "kafka-storage format failed or took longer than " + timeout + ": " + tail(log, 30));
    }
    Process broker =
        killOnExit(
            java("kafka.Kafka", config.toString())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                .start());
    KafkaBroker b = new KafkaBroker(broker, "127.0.0.1:" + port, log);
    try {
      b.awaitReady(timeout);
    } catch (RuntimeException | InterruptedException e) {
      b.close();
      throw e;
    }
    return b;
  }

  private void awaitReady(Duration timeout) throws InterruptedException {
    Instant deadline = Instant.now().plus(timeout);
    RuntimeException last = null;
    while (Instant.now().isBefore(deadline)) {
      if (!process.isAlive()) {
        throw new IllegalStateException("the broker exited: " + tail());
      }
      try (Admin admin = admin()) {
        admin.describeCluster().nodes().get(5, TimeUnit.SECONDS);
        return;
      } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
        last = new IllegalStateException(e);
      }
      Thread.sleep(200);
    }
    throw new IllegalStateException(
        "the broker did not answer in " + timeout + ": " + tail(), last);
  }

  Admin admin() {
    return Admin.create(
        Map.of(
            AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
            bootstrap,
            AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG,
            10_000));
  }

  /** The broker's output, last lines, for failure messages. */
  String tail() {
    return tail(log, 30);
  }

  /** The last {@code n} lines of {@code file} (bad UTF-8 replaced), for failure messages. */
  static String tail(Path file, int n) {
    try {
      List<String> lines =
          new String(Files.readAllBytes(file), StandardCharsets.UTF_8).lines().toList();
      return String.join("\n", lines.subList(Math.max(0, lines.size() - n), lines.size()));
    } catch (IOException e) {
      return "(no output: " + e + ")";
    }
  }

  /**
   * {@return {@code p}, killed when this JVM exits} (surefire's fork timeout, an interrupted run):
   * no child JVM outlives the test run.
   */
  static Process killOnExit(Process p) {
    Runtime.getRuntime().addShutdownHook(new Thread(p::destroyForcibly));
    return p;
  }

  @Override
  public void close() {
    process.destroy();
    try {
      if (!process.waitFor(20, TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
    }
  }

  /** A child JVM running {@code main} with this test JVM's class path (module path included). */
  static ProcessBuilder java(String main, String... args) {
    List<String> cmd = new ArrayList<>();
    cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    cmd.add("-Xmx384m");
    cmd.add("-XX:TieredStopAtLevel=1");
    cmd.add("-XX:+UseSerialGC");
    cmd.add("-Xshare:auto");
    cmd.add("-cp");
    cmd.add(testClassPath());
    cmd.add(main);
    cmd.addAll(List.of(args));
    return new ProcessBuilder(cmd);
  }

  /** This JVM's class path, module path included. */
  static String testClassPath() {
    Set<String> parts = new LinkedHashSet<>();
    for (String key : List.of("jdk.module.path", "java.class.path")) {
      for (String p : System.getProperty(key, "").split(File.pathSeparator)) {
        if (!p.isEmpty()) {
          parts.add(p);
        }
      }
    }
    return String.join(File.pathSeparator, parts);
  }

  private static int freePort() {
    try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      return s.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Producer or consumer settings on this broker. */
  Properties clientConfig() {
    Properties p = new Properties();
    p.put("bootstrap.servers", bootstrap);
    return p;
  }
}
