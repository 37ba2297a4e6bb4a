/** JSON functions: parseJSON and createJSON. */
@NullMarked
package io.hookstream.iml.func.json;

import org.jspecify.annotations.NullMarked;
