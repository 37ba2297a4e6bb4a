/** The function contract (specs, parameters, call context) and the immutable registry. */
@NullMarked
package io.hookstream.iml.func;

import org.jspecify.annotations.NullMarked;
