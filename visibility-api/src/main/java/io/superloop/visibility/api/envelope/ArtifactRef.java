package io.superloop.visibility.api.envelope;

import io.superloop.visibility.api.envelope.internal.ImmutableArtifactRef;
import io.superloop.visibility.api.internal.VisibilityStyle;
import io.superloop.visibility.api.json.JsonValue;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import org.immutables.value.Value;

/**
 * An artifact reference of a snapshot's {@code artifacts} object: {@code {path, exists, sizeBytes,
 * lineCount, sha256, mtimeEpoch}} (contract 1.1). Not null-filtered: an absent file is {@code
 * exists:false, sizeBytes:0, lineCount:0, sha256:null, mtimeEpoch:null}, and those nulls are
 * written.
 */
@Value.Immutable
@VisibilityStyle
public abstract class ArtifactRef {

  /**
   * {@return a new builder} Its {@code build()} throws {@link IllegalStateException} when a
   * required attribute is unset.
   */
  public static ImmutableArtifactRef.Builder builder() {
    return ImmutableArtifactRef.builder();
  }

  /**
   * {@return the repo-relative path of the artifact ({@code
   * .superloop/loops/<loop>/heartbeat.v1.json})}
   */
  public abstract String path();

  /** {@return whether the file existed when the snapshot was made} */
  public abstract boolean exists();

  /** {@return the file size in bytes ({@code 0} when absent)} */
  public abstract long sizeBytes();

  /** {@return the file's newline count ({@code 0} when absent)} */
  public abstract long lineCount();

  /** {@return the file's SHA-256 as written; written as {@code null} when empty} */
  public abstract Optional<String> sha256();

  /** {@return the file's modification time in epoch seconds; written as {@code null} when empty} */
  public abstract OptionalLong mtimeEpoch();

  /**
   * {@return fields of a newer writer this version does not know, kept in order and written back}
   */
  public abstract Map<String, JsonValue> unknownFields();
}
