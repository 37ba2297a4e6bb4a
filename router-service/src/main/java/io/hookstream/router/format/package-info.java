/** Which format each consumer-facing record is written in. */
@NullMarked
package io.hookstream.router.format;

import org.jspecify.annotations.NullMarked;
