/**
 * Helpers that Make's app runtime adds beyond the IML library (§5.6): tokens, signatures, XML,
 * errors.
 */
@NullMarked
package io.hookstream.iml.func.runtime;

import org.jspecify.annotations.NullMarked;
