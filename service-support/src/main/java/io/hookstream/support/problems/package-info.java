/** RFC 9457 problem types shared by the services' error answers. */
@NullMarked
package io.hookstream.support.problems;

import org.jspecify.annotations.NullMarked;
