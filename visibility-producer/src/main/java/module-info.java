/**
 * The runtime's side of the Superloop visibility plane: an atomic writer of the heartbeat file and
 * the events log whose physical line numbers are the sequence values of the envelopes, for local
 * runtimes and for the sprite services that serve them.
 */
module io.superloop.visibility.producer {
  requires transitive io.superloop.visibility.api;

  exports io.superloop.visibility.producer;
}
