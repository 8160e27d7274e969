package io.jras.server.pool;

import static org.assertj.core.api.Assertions.assertThat;

import io.jras.ppp.Ipv4;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class AddressPoolTest {

    final AddressPool pool = new AddressPool(AddressRange.parse("192.0.2.10-192.0.2.13"));

    static String ip(AddressPool.Lease l) {
        return Ipv4.format(l.address());
    }

    @Test
    void everyAddressIsLeasedOnceThenThePoolIsExhausted() {
        List<String> got = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            got.add(ip(pool.lease().orElseThrow()));
        }
        assertThat(got).containsExactly("192.0.2.10", "192.0.2.11", "192.0.2.12", "192.0.2.13");
        assertThat(pool.lease()).isEmpty();
        assertThat(pool.available()).isZero();
    }

    @Test
    void aReleasedAddressComesBackButNotAtOnce() {
        AddressPool.Lease first = pool.lease().orElseThrow();
        first.release();
        assertThat(pool.available()).isEqualTo(4);
        // round robin: the next lease is a different address, so late packets for the last holder go nowhere
        assertThat(ip(pool.lease().orElseThrow())).isEqualTo("192.0.2.11");
    }

    @Test
    void anExhaustedPoolServesAgainAfterARelease() {
        List<AddressPool.Lease> all = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            all.add(pool.lease().orElseThrow());
        }
        all.get(2).release();
        assertThat(ip(pool.lease().orElseThrow())).isEqualTo("192.0.2.12");
    }

    @Test
    void releasingTwiceCannotFreeSomeoneElsesLease() {
        AddressPool small = new AddressPool(AddressRange.parse("192.0.2.10"));
        AddressPool.Lease stale = small.lease().orElseThrow();
        stale.release();
        AddressPool.Lease current = small.lease().orElseThrow();
        stale.release();
        stale.close();
        assertThat(small.isLeased(current.address())).isTrue();
        assertThat(small.lease()).isEmpty();
    }

    @Test
    void aChosenAddressIsLeasedOnlyIfFree() {
        int twelve = Ipv4.parse("192.0.2.12");
        AddressPool.Lease l = pool.lease(twelve).orElseThrow();
        assertThat(pool.lease(twelve)).isEmpty();
        assertThat(pool.available()).isEqualTo(3);
        // the round robin steps over it
        List<String> rest = new ArrayList<>();
        for (Optional<AddressPool.Lease> o; (o = pool.lease()).isPresent(); ) {
            rest.add(ip(o.get()));
        }
        assertThat(rest).containsExactly("192.0.2.10", "192.0.2.11", "192.0.2.13");
        l.release();
        assertThat(pool.lease(twelve)).isPresent();
    }

    @Test
    void aStaticAddressOutsideTheRangeIsHeldOnceAndDoesNotUseThePool() {
        int outside = Ipv4.parse("198.51.100.7");
        AddressPool.Lease l = pool.lease(outside).orElseThrow();
        assertThat(pool.lease(outside)).isEmpty();
        assertThat(pool.available()).isEqualTo(4);
        l.release();
        assertThat(pool.isLeased(outside)).isFalse();
        assertThat(pool.lease(outside)).isPresent();
    }

    @Test
    void concurrentSessionsNeverShareAnAddress() throws Exception {
        AddressPool big = new AddressPool(AddressRange.parse("10.1.0.0-10.1.0.9"));
        Set<Integer> held = ConcurrentHashMap.newKeySet();
        AtomicInteger duplicates = new AtomicInteger();
        AtomicInteger exhausted = new AtomicInteger();
        int threads = 16;
        CountDownLatch go = new CountDownLatch(1);
        List<Thread> workers = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            workers.add(Thread.ofPlatform().start(() -> {
                try {
                    go.await();
                } catch (InterruptedException e) {
                    return;
                }
                List<AddressPool.Lease> mine = new ArrayList<>();
                for (int i = 0; i < 20_000; i++) {
                    if (mine.size() < 6) {
                        Optional<AddressPool.Lease> l = big.lease();
                        if (l.isEmpty()) {
                            exhausted.incrementAndGet();
                        } else if (!held.add(l.get().address())) {
                            duplicates.incrementAndGet();
                        } else {
                            mine.add(l.get());
                        }
                    } else {
                        Thread.yield();
                        AddressPool.Lease l = mine.remove(i % mine.size());
                        held.remove(l.address());
                        l.release();
                    }
                }
                mine.forEach(l -> {
                    held.remove(l.address());
                    l.release();
                });
            }));
        }
        go.countDown();
        for (Thread w : workers) {
            w.join();
        }
        assertThat(duplicates).hasValue(0);
        assertThat(exhausted.get()).as("16 threads holding up to 6 leases each must press on 10 addresses").isPositive();
        assertThat(big.available()).isEqualTo(10);
    }
}
