/**
 * Compiled app definitions and the variables of webhook evaluation, shared by the ingress and the
 * router.
 */
@NullMarked
package io.hookstream.support.apps;

import org.jspecify.annotations.NullMarked;
