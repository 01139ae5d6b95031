package io.superloop.visibility.core.store;

import io.superloop.visibility.api.ErrorCode;
import io.superloop.visibility.api.VisibilityException;
import io.superloop.visibility.api.internal.Checks;
import io.superloop.visibility.api.json.Json;
import io.superloop.visibility.api.json.JsonCodec;
import io.superloop.visibility.core.rules.Durability;
import io.superloop.visibility.core.rules.ReadLimits;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import java.util.function.Predicate;
import org.jspecify.annotations.Nullable;

/**
 * The paths of one loop's artifacts, resolved from a repository root and a loop id (contract
 * sections 0 and 1.0): the loop directory {@code <repo>/.superloop/ops-manager/<loopId>/}, its
 * {@code telemetry/} directory, the lock file {@code .lock} (hardening H4), each {@link
 * LoopArtifact} at its default path unless overridden, and the runtime directory {@code
 * <repo>/.superloop/loops/<loopId>/}. Immutable and thread-safe.
 *
 * <p>The state files, logs and locks it makes never follow a symbolic link under {@code
 * <repo>/.superloop/ops-manager/}: each path component from there down is checked without following
 * links, and a link is {@link ErrorCode#SYMLINK_REFUSED} naming it; a FIFO, device, socket or
 * directory where a file belongs is {@link ErrorCode#NOT_REGULAR_FILE} and is never opened. An
 * artifact path overridden to lie elsewhere is checked at its last component only. The state files
 * and rows are read within its {@link #limits()}.
 */
public final class LoopLayout {
  private final Path repoRoot;
  private final String loopId;
  private final Path opsDir;
  private final Map<LoopArtifact, Path> overrides;
  private final ReadLimits limits;
  private final FileOps ops;
  private final Json stateJson;
  private final Json rowJson;

  private LoopLayout(
      Path repoRoot,
      String loopId,
      Map<LoopArtifact, Path> overrides,
      ReadLimits limits,
      @Nullable FileOps ops) {
    this.repoRoot = repoRoot;
    this.loopId = loopId;
    Path opsManager = repoRoot.resolve(".superloop").resolve("ops-manager");
    this.opsDir = opsManager.resolve(loopId);
    this.overrides = overrides;
    this.limits = limits;
    this.ops = ops != null ? ops : new ConfinedFileOps(opsManager);
    this.stateJson = limits.json(limits.stateFileBytes());
    this.rowJson = limits.json(limits.telemetryRowBytes());
  }

  /**
   * The default layout of {@code loopId} under {@code repoRoot}.
   *
   * @param repoRoot the repository root (made absolute and normalized)
   * @param loopId the loop id
   * @return the layout, no path overridden
   * @throws VisibilityException {@link ErrorCode#INVALID_LOOP_ID} when the loop id is blank, longer
   *     than 255 bytes in UTF-8, holds a separator, a control character or an unpaired surrogate,
   *     is {@code .}/{@code ..}, or cannot name a directory on this file system
   */
  public static LoopLayout of(Path repoRoot, String loopId) {
    Objects.requireNonNull(repoRoot, "repoRoot");
    Checks.loopId(Objects.requireNonNull(loopId, "loopId"));
    Path root = repoRoot.toAbsolutePath().normalize();
    try {
      // the file system's own check: a name its encoding cannot hold fails here, not at first use
      return new LoopLayout(
          root, loopId, new EnumMap<>(LoopArtifact.class), ReadLimits.DEFAULT, null);
    } catch (InvalidPathException e) {
      throw new VisibilityException(
          ErrorCode.INVALID_LOOP_ID,
          "the loop id cannot name a directory here: " + e.getReason(),
          e);
    }
  }

  /**
   * A copy in which {@code artifact} lives at {@code path} (as the reference's {@code --*-file}
   * options allow); a relative path is resolved against the repository root.
   *
   * @param artifact the artifact whose path changes
   * @param path its path
   * @return the copy; this layout is unchanged
   */
  public LoopLayout withPath(LoopArtifact artifact, Path path) {
    Objects.requireNonNull(artifact, "artifact");
    Objects.requireNonNull(path, "path");
    Path p = repoRoot.resolve(path).normalize();
    if (p.getFileName() == null) {
      throw new VisibilityException(
          ErrorCode.INVALID_ARGUMENT, "an artifact path must name a file: " + path);
    }
    Map<LoopArtifact, Path> copy = new EnumMap<>(LoopArtifact.class);
    copy.putAll(overrides);
    copy.put(artifact, p);
    return new LoopLayout(repoRoot, loopId, copy, limits, ops);
  }

  /**
   * A copy whose store objects ({@link #stateFile}, {@link #openLog}, {@link #lock}, the step
   * writes of {@link LoopStore}) touch the file system through {@code ops} instead of the confined
   * operations: tests record or fail each operation.
   */
  LoopLayout withFileOps(FileOps ops) {
    return new LoopLayout(repoRoot, loopId, overrides, limits, Objects.requireNonNull(ops, "ops"));
  }

  /** {@return the file operations of this layout's store objects} */
  FileOps fileOps() {
    return ops;
  }

  /**
   * A copy whose loop files (everything under {@link #opsDir()}: states, logs, locks) live in
   * memory, not on disk: for tests of a service that embeds the plane. The memory belongs to the
   * copy and to what is built from it ({@code PlaneAccess.builder(layout.inMemory())}, or the plane
   * builder's {@code inMemory()}); it starts empty and is gone with them. Only the loop's own files
   * move to memory: a local reconcile still reads the runtime's files ({@link #runtimeDir()}) from
   * disk.
   *
   * @return the copy; this layout is unchanged
   */
  public LoopLayout inMemory() {
    return withFileOps(new MemoryFileOps());
  }

  /**
   * A copy whose state files and rows are read within {@code limits}.
   *
   * @param limits the read limits
   * @return the copy; this layout is unchanged
   */
  public LoopLayout withLimits(ReadLimits limits) {
    return new LoopLayout(
        repoRoot, loopId, overrides, Objects.requireNonNull(limits, "limits"), ops);
  }

  /** {@return the read limits of the state files and rows (default {@link ReadLimits#DEFAULT})} */
  public ReadLimits limits() {
    return limits;
  }

  /** {@return the repository root (absolute, normalised)} */
  public Path repoRoot() {
    return repoRoot;
  }

  /** {@return the loop id} */
  public String loopId() {
    return loopId;
  }

  /** {@return the loop directory {@code <repo>/.superloop/ops-manager/<loopId>} ("OPS/")} */
  public Path opsDir() {
    return opsDir;
  }

  /** {@return the telemetry directory {@code OPS/telemetry}} */
  public Path telemetryDir() {
    return opsDir.resolve("telemetry");
  }

  /** {@return the loop lock file {@code OPS/.lock} (hardening H4)} */
  public Path lockFile() {
    return opsDir.resolve(".lock");
  }

  /**
   * The step journal {@code OPS/.step-journal}: the record of the step in progress, empty between
   * steps ({@link LoopStore#persist}).
   */
  Path stepJournalFile() {
    return opsDir.resolve(".step-journal");
  }

  /** {@return the runtime directory {@code <repo>/.superloop/loops/<loopId>} ("RT/")} */
  public Path runtimeDir() {
    return repoRoot.resolve(".superloop").resolve("loops").resolve(loopId);
  }

  /** {@return the runtime heartbeat input {@code RT/heartbeat.v1.json} (contract 1.2)} */
  public Path runtimeHeartbeatFile() {
    return runtimeDir().resolve("heartbeat.v1.json");
  }

  /** {@return the runtime events log {@code RT/events.jsonl}} */
  public Path runtimeEventsFile() {
    return runtimeDir().resolve("events.jsonl");
  }

  /**
   * {@return the events file as {@code cursor.json} names it, relative to the repository root:
   * {@code .superloop/loops/<loopId>/events.jsonl} (contract 1.16)}
   */
  public String cursorEventsFile() {
    return ".superloop/loops/" + loopId + "/events.jsonl";
  }

  /**
   * Resolves an artifact's path.
   *
   * @param artifact the artifact
   * @return its override, else its default under the loop directory
   */
  public Path path(LoopArtifact artifact) {
    Path p = overrides.get(artifact);
    return p != null ? p : opsDir.resolve(artifact.defaultPath());
  }

  /**
   * Tells whether an artifact's path was overridden.
   *
   * @param artifact the artifact
   * @return whether {@link #withPath} set its path
   */
  public boolean isOverridden(LoopArtifact artifact) {
    return overrides.containsKey(artifact);
  }

  /**
   * The state file of {@code artifact} with {@code codec}.
   *
   * @param <T> the state type
   * @param artifact a state artifact
   * @param codec the state's codec
   * @return the state file (nothing is read yet)
   * @throws VisibilityException {@link ErrorCode#INVALID_ARGUMENT} when {@code artifact} is a log
   */
  public <T> StateFile<T> stateFile(LoopArtifact artifact, JsonCodec<T> codec) {
    requireKind(artifact, LoopArtifact.Kind.STATE);
    return StateFile.of(path(artifact), codec, stateJson, Clock.systemUTC(), ops);
  }

  /**
   * The last valid row of a log that {@code match} accepts, reading backwards until {@code stop}
   * accepts one ({@link TailReader#lastMatching}); a row longer than {@link
   * ReadLimits#telemetryRowBytes()} is skipped without being read.
   */
  <T> TailRead<T> last(
      LoopArtifact artifact,
      JsonCodec<T> codec,
      Predicate<? super T> match,
      Predicate<? super T> stop) {
    requireKind(artifact, LoopArtifact.Kind.LOG);
    return TailReader.scan(
        path(artifact), codec, rowJson, TailReader.DEFAULT_BLOCK_SIZE, ops, match, stop);
  }

  /**
   * The last valid row of the log file {@code file} (a rotated log), read as {@link #last} reads.
   */
  <T> TailRead<T> lastIn(Path file, JsonCodec<T> codec) {
    return TailReader.scan(
        file, codec, rowJson, TailReader.DEFAULT_BLOCK_SIZE, ops, v -> true, v -> false);
  }

  /**
   * Opens the log of {@code artifact} for appending with {@code codec}; close it when done.
   *
   * @param <T> the record type
   * @param artifact a log artifact
   * @param codec the row's codec
   * @param durability when appends are forced to disk
   * @return the open log
   * @throws VisibilityException {@link ErrorCode#INVALID_ARGUMENT} when {@code artifact} is a state
   *     file, or a file error
   */
  public <T> AppendLog<T> openLog(
      LoopArtifact artifact, JsonCodec<T> codec, Durability durability) {
    requireKind(artifact, LoopArtifact.Kind.LOG);
    return AppendLog.open(path(artifact), codec, durability, ops);
  }

  /** {@return the loop lock of this layout (not yet acquired)} */
  public LoopLock lock() {
    return LoopLock.of(lockFile(), ops);
  }

  private static void requireKind(LoopArtifact artifact, LoopArtifact.Kind kind) {
    if (artifact.kind() != kind) {
      throw new VisibilityException(
          ErrorCode.INVALID_ARGUMENT, artifact + " is a " + artifact.kind() + ", not a " + kind);
    }
  }

  @Override
  public boolean equals(@Nullable Object o) {
    return o instanceof LoopLayout l
        && l.repoRoot.equals(repoRoot)
        && l.loopId.equals(loopId)
        && l.overrides.equals(overrides)
        && l.limits.equals(limits);
  }

  @Override
  public int hashCode() {
    return Objects.hash(repoRoot, loopId, overrides, limits);
  }

  @Override
  public String toString() {
    return "LoopLayout[" + opsDir + (overrides.isEmpty() ? "" : ", overrides=" + overrides) + "]";
  }
}
