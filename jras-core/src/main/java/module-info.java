/** The connection manager: handles, RASCONNSTATE, dial and hang-up, events, the phonebook and credentials. */
module io.jras.core {
    requires transitive io.jras.ppp;
    requires transitive io.jras.link;
    requires transitive io.jras.net;

    exports io.jras.core;
    exports io.jras.core.credentials;
    exports io.jras.core.events;
    exports io.jras.core.iface;
    exports io.jras.core.net;
    exports io.jras.core.phonebook;
    exports io.jras.core.phonebook.store;
    exports io.jras.core.session;
}
