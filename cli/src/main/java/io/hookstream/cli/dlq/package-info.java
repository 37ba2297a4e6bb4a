/** {@code hookstream dlq}: lists dead letters and redrives their events after a fix. */
@NullMarked
package io.hookstream.cli.dlq;

import org.jspecify.annotations.NullMarked;
