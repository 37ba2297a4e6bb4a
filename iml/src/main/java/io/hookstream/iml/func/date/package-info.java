/** Date functions with Moment-style format tokens and time zones. */
@NullMarked
package io.hookstream.iml.func.date;

import org.jspecify.annotations.NullMarked;
