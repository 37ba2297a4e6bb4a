/**
 * The IML expression engine: compile IML templates and expressions once, evaluate them many times.
 */
@NullMarked
package io.hookstream.iml;

import org.jspecify.annotations.NullMarked;
