package io.superloop.visibility.producer;

import io.superloop.visibility.api.ErrorCode;
import io.superloop.visibility.api.VisibilityException;
import io.superloop.visibility.api.internal.IoFailures;
import io.superloop.visibility.api.json.JsonValue;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * Writes a loop's runtime heartbeat {@code <repo>/.superloop/loops/<loopId>/heartbeat.v1.json}
 * (contract 1.2), the file whose {@code timestamp} the manager judges for freshness (contract 2.2).
 * Each {@link #beat()} replaces the whole file atomically: a temp file in the same directory,
 * forced, renamed over the old one, the directory forced; a manager never reads half a heartbeat.
 *
 * <p>The file is one compact JSON object and a newline, in this order: {@code schemaVersion}
 * ({@code "v1"}), {@code timestamp} (the clock, {@code YYYY-MM-DDTHH:MM:SSZ}, the only form a
 * manager under {@code reference} rules parses), {@code source}, {@code status}, {@code stage},
 * then the builder's extra fields:
 *
 * <pre>{@code
 * {"schemaVersion":"v1","timestamp":"2026-03-01T11:57:30Z","source":"runtime","status":"running","stage":"iteration"}
 * }</pre>
 *
 * <p>The schedule is the caller's: call {@link #beat()} when the runtime makes progress, or hand a
 * {@link ScheduledExecutorService} to {@link #scheduleAtFixedRate}. Beat well inside the manager's
 * degraded threshold (120 s by default): every 30 s is a good period. Thread-safe: beats are
 * serialised, so the file's timestamps never go back in the order they were written.
 */
public final class HeartbeatWriter {
  private static final Set<String> OWN_FIELDS =
      Set.of("schemaVersion", "timestamp", "source", "status", "stage");

  private final Path file;
  private final Clock clock;
  private final boolean force;
  private final String source;
  private final Map<String, JsonValue> extra;
  private volatile String status;
  private volatile String stage;
  private volatile @Nullable VisibilityException lastFailure;

  private HeartbeatWriter(Builder b, Path file) {
    this.file = file;
    this.clock = b.clock;
    this.force = b.force;
    this.source = b.source;
    this.extra = Collections.unmodifiableMap(new LinkedHashMap<>(b.extra));
    this.status = b.status;
    this.stage = b.stage;
  }

  /**
   * A builder of the heartbeat writer of one loop.
   *
   * @param repoRoot the repository root (the directory holding {@code .superloop/})
   * @param loopId the loop id
   * @return the builder
   * @throws VisibilityException {@link ErrorCode#INVALID_LOOP_ID} when the loop id could not name
   *     one directory (blank, {@code .}/{@code ..}, a separator or control character, more than 255
   *     UTF-8 bytes)
   */
  public static Builder builder(Path repoRoot, String loopId) {
    return new Builder(RuntimeFiles.runtimeDir(repoRoot, loopId));
  }

  /** {@return the heartbeat file this writer replaces} */
  public Path file() {
    return file;
  }

  /**
   * Writes a heartbeat stamped with the clock's current second, with the current status and stage.
   *
   * @return the timestamp written, truncated to the second
   * @throws VisibilityException {@link ErrorCode#IO_ERROR}, {@link ErrorCode#DISK_FULL} or {@link
   *     ErrorCode#PERMISSION_DENIED} naming the file when it cannot be written (the previous file
   *     stays as it was)
   */
  public synchronized Instant beat() {
    Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
    Map<String, JsonValue> m = new LinkedHashMap<>();
    m.put("schemaVersion", JsonValue.of("v1"));
    m.put("timestamp", JsonValue.of(RuntimeFiles.timestamp(now)));
    m.put("source", JsonValue.of(source));
    m.put("status", JsonValue.of(status));
    m.put("stage", JsonValue.of(stage));
    m.putAll(extra);
    byte[] bytes = (JsonValue.object(m).toJson() + "\n").getBytes(StandardCharsets.UTF_8);
    try {
      RuntimeFiles.replace(file, bytes, force);
    } catch (IOException e) {
      VisibilityException failure = IoFailures.of("cannot write the heartbeat", file, e);
      lastFailure = failure;
      throw failure;
    }
    lastFailure = null;
    return now;
  }

  /**
   * Sets the status and stage of this and every later heartbeat, then writes one ({@link #beat()}).
   *
   * @param status the runtime's status, for example {@code running}
   * @param stage the runtime's stage, for example {@code iteration}
   * @return the timestamp written
   * @throws VisibilityException as {@link #beat()} does, and {@link ErrorCode#INVALID_ARGUMENT}
   *     when a value is blank
   */
  public synchronized Instant beat(String status, String stage) {
    this.status = nonBlank("status", status);
    this.stage = nonBlank("stage", stage);
    return beat();
  }

  /**
   * Runs {@link #beat()} on {@code executor} now and then every {@code period}, until the returned
   * future is cancelled or the executor shuts down. A beat that fails does not end the schedule (an
   * executor would otherwise stop silently): the failure goes to {@code onFailure} and to {@link
   * #lastFailure()}, and the next beat tries again.
   *
   * @param executor the caller's executor
   * @param period the time between beats, at least one second
   * @param onFailure receives each failed beat's exception (runs on the executor's thread)
   * @return the schedule's future; cancel it to stop beating
   * @throws VisibilityException {@link ErrorCode#INVALID_ARGUMENT} when the period is under one
   *     second
   */
  public ScheduledFuture<?> scheduleAtFixedRate(
      ScheduledExecutorService executor,
      Duration period,
      Consumer<? super VisibilityException> onFailure) {
    Objects.requireNonNull(executor, "executor");
    Objects.requireNonNull(onFailure, "onFailure");
    if (period.compareTo(Duration.ofSeconds(1)) < 0) {
      throw new VisibilityException(
          ErrorCode.INVALID_ARGUMENT,
          "a heartbeat period is at least one second (timestamps have whole seconds)");
    }
    return executor.scheduleAtFixedRate(
        () -> {
          try {
            beat();
          } catch (VisibilityException e) {
            onFailure.accept(e);
          }
        },
        0,
        period.toMillis(),
        TimeUnit.MILLISECONDS);
  }

  /** {@return the failure of the last beat, or empty when it succeeded (or none ran yet)} */
  public Optional<VisibilityException> lastFailure() {
    return Optional.ofNullable(lastFailure);
  }

  private static String nonBlank(String field, String value) {
    if (value.isBlank()) {
      throw new VisibilityException(
          ErrorCode.INVALID_ARGUMENT, "the heartbeat's " + field + " must not be blank");
    }
    return value;
  }

  /** Settings of a {@link HeartbeatWriter}. */
  public static final class Builder {
    private final Path dir;
    private Clock clock = Clock.systemUTC();
    private boolean force = true;
    private String source = "runtime";
    private String status = "running";
    private String stage = "iteration";
    private final Map<String, JsonValue> extra = new LinkedHashMap<>();

    private Builder(Path dir) {
      this.dir = dir;
    }

    /**
     * The clock of the timestamps (default: the system's UTC clock).
     *
     * @param clock the clock
     * @return this builder
     */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    /**
     * Whether each beat forces the file and its directory to disk (default {@code true}); without,
     * a beat survives the process but not a power cut.
     *
     * @param force whether to force
     * @return this builder
     */
    public Builder force(boolean force) {
      this.force = force;
      return this;
    }

    /**
     * The {@code source} field (default {@code runtime}).
     *
     * @param source not blank
     * @return this builder
     * @throws VisibilityException {@link ErrorCode#INVALID_ARGUMENT} when blank
     */
    public Builder source(String source) {
      this.source = nonBlank("source", source);
      return this;
    }

    /**
     * The first {@code status} and {@code stage} (default {@code running}, {@code iteration});
     * {@link HeartbeatWriter#beat(String, String)} changes them.
     *
     * @param status not blank
     * @param stage not blank
     * @return this builder
     * @throws VisibilityException {@link ErrorCode#INVALID_ARGUMENT} when blank
     */
    public Builder state(String status, String stage) {
      this.status = nonBlank("status", status);
      this.stage = nonBlank("stage", stage);
      return this;
    }

    /**
     * An extra field written after the standard ones in every heartbeat, for example {@code pid}.
     * Managers keep it (the heartbeat is passed through whole) but do not read it.
     *
     * @param name the field's name, not one of {@code schemaVersion}, {@code timestamp}, {@code
     *     source}, {@code status}, {@code stage}
     * @param value its value
     * @return this builder
     * @throws VisibilityException {@link ErrorCode#INVALID_ARGUMENT} for a name the writer owns
     */
    public Builder field(String name, JsonValue value) {
      if (OWN_FIELDS.contains(name)) {
        throw new VisibilityException(
            ErrorCode.INVALID_ARGUMENT, "the heartbeat writer owns the field " + name);
      }
      extra.put(name, Objects.requireNonNull(value, "value"));
      return this;
    }

    /** {@return the writer; nothing is written until the first beat} */
    public HeartbeatWriter build() {
      return new HeartbeatWriter(this, dir.resolve("heartbeat.v1.json"));
    }
  }
}
