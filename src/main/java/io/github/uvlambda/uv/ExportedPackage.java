package io.github.uvlambda.uv;

/**
 * One package the export selected, and its requirements.txt line (markers evaluated away, so none
 * is printed).
 */
public record ExportedPackage(LockPackage lockPackage, String line) {}
