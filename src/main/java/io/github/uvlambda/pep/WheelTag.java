package io.github.uvlambda.pep;

/** One PEP 425 tag triple, e.g. {@code cp312-cp312-manylinux_2_17_x86_64}. */
public record WheelTag(String interpreter, String abi, String platform) {
  public static WheelTag parse(String text) {
    String[] parts = text.split("-");
    if (parts.length != 3) {
      throw new IllegalArgumentException("not a tag triple: " + text);
    }
    return new WheelTag(parts[0], parts[1], parts[2]);
  }

  @Override
  public String toString() {
    return interpreter + "-" + abi + "-" + platform;
  }
}
