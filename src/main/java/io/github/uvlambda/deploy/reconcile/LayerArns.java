package io.github.uvlambda.deploy.reconcile;

/**
 * Layer version ARNs, {@code arn:aws:lambda:REGION:ACCOUNT:layer:NAME:VERSION}, compared by region,
 * name and version: emulators rewrite the account of layers that belong to another account (the
 * Powertools layer), so the account is left out.
 */
public final class LayerArns {
  private LayerArns() {}

  public static String key(String arn) {
    String[] p = arn.split(":");
    return p.length >= 8 ? p[3] + ":" + p[6] + ":" + p[7] : arn;
  }

  public static boolean same(String a, String b) {
    return key(a).equals(key(b));
  }

  /** The layer's name, or null when the ARN is not a layer version ARN. */
  public static String name(String arn) {
    String[] p = arn.split(":");
    return p.length >= 8 && p[5].equals("layer") ? p[6] : null;
  }

  /** The layer ARN without its version. */
  public static String withoutVersion(String versionArn) {
    return versionArn.substring(0, versionArn.lastIndexOf(':'));
  }
}
