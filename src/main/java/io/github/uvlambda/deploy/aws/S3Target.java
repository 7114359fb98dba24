package io.github.uvlambda.deploy.aws;

/**
 * Where zips go that Lambda cannot take directly.
 *
 * @param bucket where zips over 50 MB (or all, with uploadAll) are uploaded, or null
 * @param keyPrefix prefix of the object keys, or null
 * @param uploadAll upload every zip through S3, not only those over 50 MB
 */
public record S3Target(String bucket, String keyPrefix, boolean uploadAll) {
  public boolean hasBucket() {
    return bucket != null && !bucket.isBlank();
  }
}
