package io.superloop.visibility.api.envelope;

import io.superloop.visibility.api.envelope.internal.ImmutableEnvelopeSource;
import io.superloop.visibility.api.internal.VisibilityStyle;
import io.superloop.visibility.api.json.JsonValue;
import java.util.Map;
import org.immutables.value.Value;

/**
 * The {@code source} object of envelopes and of the events answer: {@code {repoPath, loopId}}.
 * Foreign input: the loop id is kept as written, without the loop-id checks of the library's own
 * files.
 */
@Value.Immutable
@VisibilityStyle
public abstract class EnvelopeSource {

  /**
   * {@return a new builder} Its {@code build()} throws {@link IllegalStateException} when a
   * required attribute is unset.
   */
  public static ImmutableEnvelopeSource.Builder builder() {
    return ImmutableEnvelopeSource.builder();
  }

  /**
   * A source of two strings, as written (not checked).
   *
   * @param repoPath the runtime repository's path, as the adapter saw it
   * @param loopId the loop id
   * @return the source
   */
  public static EnvelopeSource of(String repoPath, String loopId) {
    return builder().repoPath(repoPath).loopId(loopId).build();
  }

  /** {@return the runtime repository's path, as the adapter saw it} */
  public abstract String repoPath();

  /** {@return the loop id, as written} */
  public abstract String loopId();

  /**
   * {@return fields of a newer writer this version does not know, kept in order and written back}
   */
  public abstract Map<String, JsonValue> unknownFields();
}
