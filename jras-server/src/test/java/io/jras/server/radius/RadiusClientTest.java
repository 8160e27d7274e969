package io.jras.server.radius;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The RADIUS client against a UDP socket the test answers from by hand: matching, checking and
 * dropping responses, retransmission, Identifier reuse. (Interop with a real server: RadiusServeIT.)
 */
class RadiusClientTest {

    static final RadiusSecret SECRET = RadiusSecret.of("xyzzy5461");

    DatagramSocket server;
    InetSocketAddress serverAddress;
    RadiusClient client;

    @BeforeEach
    void setUp() throws Exception {
        server = new DatagramSocket(0, InetAddress.getLoopbackAddress());
        server.setSoTimeout(5000);
        serverAddress = new InetSocketAddress(InetAddress.getLoopbackAddress(), server.getLocalPort());
        client = new RadiusClient(SECRET, Duration.ofSeconds(30), 3);
    }

    @AfterEach
    void tearDown() {
        client.close();
        server.close();
    }

    record Received(RadiusPacket packet, byte[] bytes, InetSocketAddress from) {
    }

    Received receive() throws Exception {
        DatagramPacket d = new DatagramPacket(new byte[4096], 4096);
        server.receive(d);
        byte[] bytes = Arrays.copyOf(d.getData(), d.getLength());
        return new Received(RadiusPacket.decode(bytes, bytes.length).orElseThrow(), bytes,
                (InetSocketAddress) d.getSocketAddress());
    }

    /** A correctly signed response (Response Authenticator and Message-Authenticator). */
    static byte[] response(int code, RadiusPacket request, List<RadiusAttribute> attributes, RadiusSecret secret) {
        List<RadiusAttribute> a = new ArrayList<>(attributes);
        a.add(new RadiusAttribute(RadiusAttribute.MESSAGE_AUTHENTICATOR, new byte[16]));
        RadiusPacket p = RadiusCrypto.signMessageAuthenticator(
                new RadiusPacket(code, request.identifier(), request.authenticator(), a), request.authenticator(), secret);
        byte[] bytes = p.encode();
        byte[] auth = RadiusCrypto.responseAuthenticator(bytes, bytes.length, request.authenticator(), secret);
        System.arraycopy(auth, 0, bytes, 4, 16);
        return bytes;
    }

    void reply(Received to, byte[] bytes) throws Exception {
        server.send(new DatagramPacket(bytes, bytes.length, to.from()));
    }

    CompletableFuture<RadiusPacket> accessRequest(String user) {
        return client.send(serverAddress, RadiusPacket.ACCESS_REQUEST,
                ra -> List.of(RadiusAttribute.string(RadiusAttribute.USER_NAME, user)));
    }

    @Test
    void anAccessRequestCarriesAValidMessageAuthenticatorAndTheSignedAnswerCompletesIt() throws Exception {
        var result = accessRequest("alice");
        Received r = receive();
        assertThat(r.packet().code()).isEqualTo(RadiusPacket.ACCESS_REQUEST);
        byte[] ma = r.packet().attribute(RadiusAttribute.MESSAGE_AUTHENTICATOR).orElseThrow().value();
        // RFC 3579 §3.2: HMAC-MD5 over the packet with the Message-Authenticator zeroed
        assertThat(ma).isEqualTo(RadiusCrypto.messageAuthenticator(r.packet(), r.packet().authenticator(), SECRET));

        reply(r, response(RadiusPacket.ACCESS_ACCEPT, r.packet(), List.of(), SECRET));
        assertThat(result.get(5, TimeUnit.SECONDS).code()).isEqualTo(RadiusPacket.ACCESS_ACCEPT);
        assertThat(client.statistics().responses()).isEqualTo(1);
        assertThat(client.pending()).isZero();
    }

    @Test
    void anAccountingRequestCarriesTheRfc2866RequestAuthenticator() throws Exception {
        var result = client.send(serverAddress, RadiusPacket.ACCOUNTING_REQUEST,
                ra -> List.of(RadiusAttribute.integer(RadiusAttribute.ACCT_STATUS_TYPE, 1)));
        Received r = receive();
        byte[] zeroed = r.bytes().clone();
        Arrays.fill(zeroed, 4, 20, (byte) 0);
        assertThat(r.packet().authenticator()).isEqualTo(RadiusCrypto.accountingRequestAuthenticator(zeroed, SECRET));
        reply(r, response(RadiusPacket.ACCOUNTING_RESPONSE, r.packet(), List.of(), SECRET));
        assertThat(result.get(5, TimeUnit.SECONDS).code()).isEqualTo(RadiusPacket.ACCOUNTING_RESPONSE);
    }

    @Test
    void responsesThatAreNotTheAnswerAreDroppedAndCountedAndTheRealOneStillCounts() throws Exception {
        var result = accessRequest("alice");
        Received r = receive();
        byte[] good = response(RadiusPacket.ACCESS_ACCEPT, r.packet(),
                List.of(RadiusAttribute.integer(RadiusAttribute.FRAMED_IP_ADDRESS, 0xc0000201L)), SECRET);

        reply(r, response(RadiusPacket.ACCESS_ACCEPT, r.packet(), List.of(), RadiusSecret.of("wrong")));
        reply(r, Arrays.copyOf(good, 10));
        byte[] otherId = good.clone();
        otherId[1] ^= 1;
        reply(r, otherId);
        byte[] accountingCode = good.clone();
        accountingCode[0] = RadiusPacket.ACCOUNTING_RESPONSE;
        reply(r, accountingCode);
        // the right Response Authenticator but a Message-Authenticator that does not verify
        List<RadiusAttribute> forged = new ArrayList<>(List.of(new RadiusAttribute(RadiusAttribute.MESSAGE_AUTHENTICATOR, new byte[16])));
        byte[] badMa = new RadiusPacket(RadiusPacket.ACCESS_ACCEPT, r.packet().identifier(), r.packet().authenticator(), forged).encode();
        System.arraycopy(RadiusCrypto.responseAuthenticator(badMa, badMa.length, r.packet().authenticator(), SECRET), 0, badMa, 4, 16);
        reply(r, badMa);
        reply(r, good);

        RadiusPacket answer = result.get(5, TimeUnit.SECONDS);
        assertThat(answer.attribute(RadiusAttribute.FRAMED_IP_ADDRESS)).isPresent();
        assertThat(client.statistics().dropped()).isEqualTo(5);
        assertThat(client.statistics().responses()).isEqualTo(1);
    }

    @Test
    void mutatedResponsesNeverThrowAndAreAllDropped() throws Exception {
        var result = accessRequest("alice");
        Received r = receive();
        byte[] good = response(RadiusPacket.ACCESS_ACCEPT, r.packet(), List.of(
                RadiusAttribute.string(RadiusAttribute.REPLY_MESSAGE, "welcome"),
                RadiusAttribute.vendor(311, RadiusAttribute.MS_CHAP2_SUCCESS, new byte[43])), SECRET);
        SplittableRandom random = new SplittableRandom(2865);
        int mutants = 0;
        for (int i = 0; i < 5000; i++) {
            byte[] m = mutate(good, random);
            if (Arrays.equals(m, good)) {
                continue;
            }
            mutants++;
            // as if from the server: only the checks of the packet itself can drop it
            client.accept(serverAddress, m, m.length);
        }
        assertThat(result).isNotDone();
        assertThat(client.statistics().dropped()).isEqualTo(mutants);
        assertThat(client.statistics().responses()).isZero();
        client.accept(serverAddress, good, good.length);
        assertThat(result.get(5, TimeUnit.SECONDS).code()).isEqualTo(RadiusPacket.ACCESS_ACCEPT);
    }

    static byte[] mutate(byte[] good, SplittableRandom random) {
        byte[] m = good.clone();
        switch (random.nextInt(5)) {
            case 0 -> m[random.nextInt(m.length)] ^= (byte) (1 << random.nextInt(8));
            case 1 -> m = Arrays.copyOf(m, random.nextInt(m.length));
            case 2 -> { // the Length field
                int len = random.nextInt(65536);
                m[2] = (byte) (len >> 8);
                m[3] = (byte) len;
            }
            case 3 -> m[21] = (byte) random.nextInt(256); // the first attribute's Length
            default -> { // garbage appended and declared
                byte[] more = new byte[random.nextInt(1, 300)];
                random.nextBytes(more);
                m = Arrays.copyOf(m, m.length + more.length);
                System.arraycopy(more, 0, m, good.length, more.length);
                m[2] = (byte) (m.length >> 8);
                m[3] = (byte) m.length;
            }
        }
        return m;
    }

    @Test
    void anUnansweredRequestIsRetransmittedUnchangedThenFailsWithATimeout() throws Exception {
        client.close();
        client = new RadiusClient(SECRET, Duration.ofMillis(100), 3);
        var result = accessRequest("alice");
        Received first = receive();
        Received second = receive();
        Received third = receive();
        assertThat(second.bytes()).isEqualTo(first.bytes());
        assertThat(third.bytes()).isEqualTo(first.bytes());
        assertThatThrownBy(() -> result.get(5, TimeUnit.SECONDS)).isInstanceOf(ExecutionException.class)
                .cause().isInstanceOf(RadiusTimeoutException.class)
                .hasMessageContaining("did not answer (3 tries)").hasMessageNotContaining("xyzzy");
        assertThat(client.statistics().retransmissions()).isEqualTo(2);
        assertThat(client.statistics().timeouts()).isEqualTo(1);
        assertThat(client.pending()).isZero();
    }

    @Test
    void the257thConcurrentRequestWaitsForAFreeIdentifier() throws Exception {
        List<CompletableFuture<RadiusPacket>> results = new ArrayList<>();
        for (int i = 0; i < 257; i++) {
            results.add(accessRequest("user" + i));
        }
        List<Received> requests = new ArrayList<>();
        for (int i = 0; i < 256; i++) {
            requests.add(receive());
        }
        assertThat(requests.stream().map(r -> r.packet().identifier()).distinct()).hasSize(256);
        assertThat(client.pending()).isEqualTo(256);
        server.setSoTimeout(200);
        assertThatThrownBy(this::receive).isInstanceOf(java.net.SocketTimeoutException.class);

        Received answered = requests.get(7);
        reply(answered, response(RadiusPacket.ACCESS_REJECT, answered.packet(), List.of(), SECRET));
        server.setSoTimeout(5000);
        Received waiting = receive();
        assertThat(waiting.packet().identifier()).isEqualTo(answered.packet().identifier());
        assertThat(waiting.packet().attribute(RadiusAttribute.USER_NAME).orElseThrow().value())
                .isEqualTo("user256".getBytes());
        // the late request has its own Request Authenticator: the old answer does not fit it
        assertThat(waiting.packet().authenticator()).isNotEqualTo(answered.packet().authenticator());
        assertThat(results.get(7).get(5, TimeUnit.SECONDS).code()).isEqualTo(RadiusPacket.ACCESS_REJECT);
        assertThat(results.get(256)).isNotDone();
    }

    @Test
    void closingFailsWhatIsPending() {
        var result = accessRequest("alice");
        client.close();
        assertThat(result).isCompletedExceptionally();
        assertThat(accessRequest("bob")).isCompletedExceptionally();
    }
}
