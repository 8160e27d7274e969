/**
 * Files that are only ever replaced whole ({@link io.jras.core.phonebook.store.AtomicFile}) and
 * changed one writer at a time ({@link io.jras.core.phonebook.store.WriteLock}): the phonebook and
 * the credential store share them.
 */
package io.jras.core.phonebook.store;
