/**
 * Reads a Make Apps SDK project (a {@code makecomapp.json} manifest and one JSONC file per
 * component part) and converts it into a Hookstream app definition.
 */
@NullMarked
package io.hookstream.webhook.makeapp;

import org.jspecify.annotations.NullMarked;
