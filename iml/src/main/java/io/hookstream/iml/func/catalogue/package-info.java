/** The standard function catalogue, assembled from the function families. */
@NullMarked
package io.hookstream.iml.func.catalogue;

import org.jspecify.annotations.NullMarked;
