/**
 * The sprite service's control and error answers (contract 1.18) as records, with their codecs in
 * {@link io.superloop.visibility.api.internal.answer.AnswerCodecs}: {@code POST /ops/control}'s
 * body ({@link io.superloop.visibility.api.internal.answer.ControlAnswer}) and the error body
 * {@code {ok:false, error:{code, message}}} ({@link
 * io.superloop.visibility.api.internal.answer.ErrorAnswer}). The plane reads only the snapshot and
 * events answers ({@code api.envelope}); these answers are an adapter's own wire format, documented
 * in {@code docs/artifact-contract.md}, and their records serve the library's own modules (the
 * operator's tool validates captured answers with them, the testkit generates them). Not part of
 * the public API: exported to the testkit only, the generated implementations in the sub-package
 * {@code internal}.
 */
@NullMarked
package io.superloop.visibility.api.internal.answer;

import org.jspecify.annotations.NullMarked;
