// Symbolic links need a POSIX file system.
!System.getProperty('os.name').toLowerCase().startsWith('windows')
