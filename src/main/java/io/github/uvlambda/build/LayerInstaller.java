package io.github.uvlambda.build;

import java.io.IOException;

/**
 * Produces the files of a dependency layer for a {@link LayerBuilder.Request}: which packages, for
 * which Lambda target, laid out under {@code python/} as {@code pip install --target} would. The
 * {@link LayerBuilder} decides whether to install at all, checks the size and writes the zip.
 */
public interface LayerInstaller {
  LayerContents install(LayerBuilder.Request request) throws IOException;
}
