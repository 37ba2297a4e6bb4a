/** General functions: conditionals, object access and helpers. */
@NullMarked
package io.hookstream.iml.func.general;

import org.jspecify.annotations.NullMarked;
