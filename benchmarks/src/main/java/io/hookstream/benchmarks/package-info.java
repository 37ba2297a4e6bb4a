/** JMH benchmarks of the IML engine against JSONata for Java and raw Jackson. */
@NullMarked
package io.hookstream.benchmarks;

import org.jspecify.annotations.NullMarked;
