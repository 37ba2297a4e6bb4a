/**
 * The outbound guard: every request Hookstream makes on behalf of an app definition (connection
 * {@code info}, webhook {@code attach} and {@code detach}) goes only to public addresses, unless an
 * operator allowed the destination ({@code hookstream.outbound.allow}). The address decision is
 * {@link io.hookstream.support.outbound.DestinationPolicy} (pure); {@link
 * io.hookstream.support.outbound.GuardedAddressResolverGroup} applies it inside Reactor Netty after
 * name resolution, so the connection goes to the very address that was checked.
 */
@NullMarked
package io.hookstream.support.outbound;

import org.jspecify.annotations.NullMarked;
