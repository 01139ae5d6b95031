package io.superloop.visibility.testkit.scenario.internal;

import io.superloop.visibility.api.audit.Intent;

/**
 * A control action taken after a step's reconcile, with its logical outcome.
 *
 * @param intent cancel, approve or reject
 * @param outcome what logically happened
 * @param traceId the control trace (contract 5.2)
 * @param idempotencyKey the caller's idempotency key (both transports are given the same)
 * @param spriteForm how a sprite_service delivers the outcome (contract 1.18, 4.4)
 * @param durationSeconds seconds from start to completion
 */
public record ControlAction(
    Intent intent,
    LogicalOutcome outcome,
    String traceId,
    String idempotencyKey,
    SpriteForm spriteForm,
    long durationSeconds) {

  /** How the sprite_service transport delivers an outcome. */
  public enum SpriteForm {
    /** A 2xx answer whose {@code result} (the server-side intents row) carries {@code status}. */
    ANSWER_WITH_STATUS,
    /**
     * A 2xx answer whose {@code result} has no {@code status}: the manager falls back to {@code
     * ok}/{@code exitCode} (only for confirmed, ambiguous and failed_command, where that fallback
     * gives the same outcome).
     */
    ANSWER_WITHOUT_STATUS,
    /**
     * A 409/500 first attempt retried and served from the idempotency cache: HTTP 200 with {@code
     * replayed: true} (contract 4.4; only for ambiguous and failed_command).
     */
    REPLAYED,
    /** The request failed (non-2xx after retries): only for failed_command. */
    CLIENT_FAILURE
  }

  /**
   * Tells whether a sprite_service form can deliver an outcome.
   *
   * @param form the form
   * @param outcome the logical outcome
   * @return whether {@code form} delivers {@code outcome} with the same logical meaning
   */
  public static boolean fits(SpriteForm form, LogicalOutcome outcome) {
    switch (form) {
      case ANSWER_WITH_STATUS:
        return true;
      case ANSWER_WITHOUT_STATUS:
        return outcome != LogicalOutcome.EXECUTED_UNCONFIRMED;
      case REPLAYED:
        return outcome == LogicalOutcome.AMBIGUOUS || outcome == LogicalOutcome.FAILED_COMMAND;
      default:
        return outcome == LogicalOutcome.FAILED_COMMAND;
    }
  }
}
