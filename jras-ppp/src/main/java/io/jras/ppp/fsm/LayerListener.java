package io.jras.ppp.fsm;

/** What a network control protocol (IPCP, IPV6CP) tells the link about its layer. */
public interface LayerListener {
    /** tlu: the NCP is Opened. */
    void layerUp(ControlProtocol ncp, long now);

    /** tld: the NCP left Opened. */
    void layerDown(ControlProtocol ncp, long now);

    /** tlf: the NCP gave up or finished closing; its automaton says why. */
    void layerFinished(ControlProtocol ncp, long now);
}
