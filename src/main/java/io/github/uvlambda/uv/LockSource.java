package io.github.uvlambda.uv;

/**
 * Where a locked package comes from: {@code registry}, {@code git}, {@code url}, {@code path},
 * {@code directory}, {@code editable} or {@code virtual}, with its value (an index URL, a git URL
 * with its commit fragment, a relative path, ...).
 */
public record LockSource(Kind kind, String value, String subdirectory) {

  public enum Kind {
    REGISTRY,
    GIT,
    URL,
    PATH,
    DIRECTORY,
    EDITABLE,
    VIRTUAL;

    public String key() {
      return name().toLowerCase(java.util.Locale.ROOT);
    }
  }

  public boolean isLocal() {
    return kind == Kind.PATH
        || kind == Kind.DIRECTORY
        || kind == Kind.EDITABLE
        || kind == Kind.VIRTUAL;
  }

  @Override
  public String toString() {
    return kind.key() + "+" + value + (subdirectory == null ? "" : "#subdirectory=" + subdirectory);
  }
}
