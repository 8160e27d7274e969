package io.jras.core.iface;

/**
 * The call site for what pppd does in /etc/ppp/ip-up and ip-down (scripts, DNS configuration):
 * called once the interface is configured and up, and once when it goes. Called on the connection's
 * PPP thread: must return quickly and must not throw (an exception is ignored).
 */
public interface InterfaceHooks {

    InterfaceHooks NONE = new InterfaceHooks() {
        @Override
        public void interfaceUp(InterfaceEvent e) {
        }

        @Override
        public void interfaceDown(InterfaceEvent e) {
        }
    };

    void interfaceUp(InterfaceEvent e);

    void interfaceDown(InterfaceEvent e);
}
