package io.jras.ppp.trace;

import io.jras.ppp.Ipv4;
import io.jras.ppp.Protocol;
import io.jras.ppp.auth.chap.ChapPrinter;
import io.jras.ppp.auth.pap.PapPrinter;
import io.jras.ppp.fsm.Code;
import io.jras.ppp.fsm.OptionNegotiationAutomaton;
import io.jras.ppp.fsm.Options;
import io.jras.ppp.ipv6cp.Ipv6cp;

/**
 * The one packet printer, in pppd's style: {@code LCP ConfReq id=0x1 <mru 1500> <magic 0x5f2b3c1d>}.
 * Logs, traces and test failure messages all use it. It never throws and never prints a secret.
 */
public final class PacketPrinter {

    private PacketPrinter() {
    }

    /** "sent [LCP ConfReq id=0x1 ...]" / "rcvd [...]". */
    public static String line(boolean sent, int protocol, byte[] info, int off, int len) {
        return (sent ? "sent [" : "rcvd [") + describe(protocol, info, off, len) + "]";
    }

    /** One packet (the information field of a frame of {@code protocol}) on one line. */
    public static String describe(int protocol, byte[] info, int off, int len) {
        try {
            Protocol p = Protocol.of(protocol);
            return switch (protocol) {
                case 0xc021 -> "LCP " + control(info, off, len, PacketPrinter::lcpOption, true);
                case 0x8021 -> "IPCP " + control(info, off, len, PacketPrinter::ipcpOption, false);
                case 0x8057 -> "IPV6CP " + control(info, off, len, PacketPrinter::ipv6cpOption, false);
                case 0xc023 -> "PAP " + PapPrinter.describe(info, off, len);
                case 0xc223 -> "CHAP " + ChapPrinter.describe(info, off, len);
                case 0x0021, 0x0057 -> p.displayName() + " data len=" + len;
                default -> {
                    if ((protocol & 0xf000) == 0x8000 && len >= 4) {
                        yield p.displayName() + " " + control(info, off, len, PacketPrinter::rawOption, false);
                    }
                    yield "proto=" + String.format("0x%04x", protocol) + hex(info, off, Math.min(len, 32))
                            + (len > 32 ? " ..." : "");
                }
            };
        } catch (RuntimeException e) {
            // A printer bug must never break the link: fall back to hex.
            return "proto=" + String.format("0x%04x", protocol) + hex(info, off, Math.min(len, 32));
        }
    }

    private interface OptionPrinter {
        void print(Options.Reader r, StringBuilder sb);
    }

    private static String control(byte[] b, int off, int len, OptionPrinter printer, boolean lcp) {
        if (len < 4) {
            return "short" + hex(b, off, len);
        }
        int code = b[off] & 0xff;
        int id = b[off + 1] & 0xff;
        int length = ((b[off + 2] & 0xff) << 8) | (b[off + 3] & 0xff);
        StringBuilder sb = new StringBuilder();
        sb.append(Code.name(code)).append(" id=0x").append(Integer.toHexString(id));
        if (length < 4 || length > len) {
            return sb.append(" bad-length=").append(length).append(hex(b, off + 4, Math.min(len - 4, 32))).toString();
        }
        int dOff = off + 4;
        int dLen = length - 4;
        switch (code) {
            case Code.CONFIGURE_REQUEST, Code.CONFIGURE_ACK, Code.CONFIGURE_NAK, Code.CONFIGURE_REJECT -> {
                Options.Reader r = new Options.Reader(b, dOff, dLen);
                while (r.next()) {
                    sb.append(' ');
                    printer.print(r, sb);
                }
                if (r.malformed()) {
                    sb.append(" <malformed").append(hex(b, r.start(), r.end() - r.start())).append('>');
                }
            }
            case Code.TERMINATE_REQUEST, Code.TERMINATE_ACK -> {
                if (dLen > 0) {
                    sb.append(" \"").append(OptionNegotiationAutomaton.printable(b, dOff, dLen)).append('"');
                }
            }
            case Code.ECHO_REQUEST, Code.ECHO_REPLY, Code.DISCARD_REQUEST -> {
                if (lcp && dLen >= 4) {
                    sb.append(" magic=0x").append(Integer.toHexString(u32(b, dOff)));
                    if (dLen > 4) {
                        sb.append(hex(b, dOff + 4, Math.min(dLen - 4, 16)));
                    }
                } else {
                    sb.append(hex(b, dOff, Math.min(dLen, 16)));
                }
            }
            default -> {
                sb.append(hex(b, dOff, Math.min(dLen, 32)));
                if (dLen > 32) {
                    sb.append(" ...");
                }
            }
        }
        return sb.toString();
    }

    private static void lcpOption(Options.Reader r, StringBuilder sb) {
        switch (r.type()) {
            case 1 -> {
                if (r.length() == 4) {
                    sb.append("<mru ").append(r.u16(0)).append('>');
                    return;
                }
            }
            case 2 -> {
                if (r.length() == 6) {
                    sb.append("<asyncmap 0x").append(Integer.toHexString(r.u32(0))).append('>');
                    return;
                }
            }
            case 3 -> {
                if (r.length() >= 4) {
                    int proto = r.u16(0);
                    if (proto == 0xc023) {
                        sb.append("<auth pap>");
                    } else if (proto == 0xc223 && r.length() == 5) {
                        int alg = r.u8(2);
                        sb.append("<auth chap ").append(alg == 5 ? "MD5" : alg == 0x80 ? "MS" : alg == 0x81 ? "MS-v2"
                                : "0x" + Integer.toHexString(alg)).append('>');
                    } else if (proto == 0xc227) {
                        sb.append("<auth eap>");
                    } else {
                        sb.append("<auth 0x").append(Integer.toHexString(proto)).append('>');
                    }
                    return;
                }
            }
            case 5 -> {
                if (r.length() == 6) {
                    sb.append("<magic 0x").append(Integer.toHexString(r.u32(0))).append('>');
                    return;
                }
            }
            case 7 -> {
                if (r.length() == 2) {
                    sb.append("<pcomp>");
                    return;
                }
            }
            case 8 -> {
                if (r.length() == 2) {
                    sb.append("<accomp>");
                    return;
                }
            }
            case 13 -> {
                sb.append("<callback").append(hex(r.buffer(), r.dataOffset(), r.dataLength())).append('>');
                return;
            }
            case 17 -> {
                if (r.length() == 4) {
                    sb.append("<mrru ").append(r.u16(0)).append('>');
                    return;
                }
            }
            case 19 -> {
                sb.append("<endpoint").append(hex(r.buffer(), r.dataOffset(), r.dataLength())).append('>');
                return;
            }
            default -> { }
        }
        rawOption(r, sb);
    }

    private static void ipcpOption(Options.Reader r, StringBuilder sb) {
        switch (r.type()) {
            case 2 -> {
                if (r.length() >= 4 && r.u16(0) == 0x002d) {
                    sb.append("<compress VJ").append(hex(r.buffer(), r.dataOffset() + 2, r.dataLength() - 2)).append('>');
                    return;
                }
            }
            case 3 -> {
                if (r.length() == 6) {
                    sb.append("<addr ").append(Ipv4.format(r.u32(0))).append('>');
                    return;
                }
            }
            case 129, 130, 131, 132 -> {
                if (r.length() == 6) {
                    String name = switch (r.type()) {
                        case 129 -> "ms-dns1";
                        case 130 -> "ms-wins";
                        case 131 -> "ms-dns3";
                        default -> "ms-wins";
                    };
                    sb.append('<').append(name).append(' ').append(Ipv4.format(r.u32(0))).append('>');
                    return;
                }
            }
            default -> { }
        }
        rawOption(r, sb);
    }

    private static void ipv6cpOption(Options.Reader r, StringBuilder sb) {
        if (r.type() == 1 && r.length() == 10) {
            long id = 0;
            for (int i = 0; i < 8; i++) {
                id = (id << 8) | r.u8(i);
            }
            sb.append("<addr fe80::").append(Ipv6cp.format(id)).append('>');
            return;
        }
        rawOption(r, sb);
    }

    /** pppd prints an option it does not know as its raw bytes in angle brackets. */
    private static void rawOption(Options.Reader r, StringBuilder sb) {
        sb.append('<').append(hex(r.buffer(), r.start(), r.length()).substring(1)).append('>');
    }

    /** " 01 02 03" (leading space), for appending after a word. */
    public static String hex(byte[] b, int off, int len) {
        StringBuilder sb = new StringBuilder(len * 3);
        for (int i = off; i < off + len && i < b.length; i++) {
            sb.append(' ').append(Character.forDigit((b[i] >> 4) & 0xf, 16)).append(Character.forDigit(b[i] & 0xf, 16));
        }
        return sb.toString();
    }

    private static int u32(byte[] b, int o) {
        return ((b[o] & 0xff) << 24) | ((b[o + 1] & 0xff) << 16) | ((b[o + 2] & 0xff) << 8) | (b[o + 3] & 0xff);
    }
}
