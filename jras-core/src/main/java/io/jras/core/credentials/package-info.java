/**
 * Saved user names and passwords for phonebook entries, apart from the phonebook:
 * {@link io.jras.core.credentials.CredentialStore}. A file of mode 0600, base64 values
 * (obfuscation, not encryption), refused when others may read it.
 */
package io.jras.core.credentials;
