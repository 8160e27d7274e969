/**
 * The phonebook: entries in the Windows rasphone.pbk format, read and written losslessly.
 *
 * <h2>The file</h2>
 * An INI-like text file, as Windows writes it ({@code Encoding=1}: UTF-8, CRLF):
 * <pre>
 * [Office VPN]                 an entry: its name in brackets, then its own keys
 * Encoding=1
 * Type=2
 * ...
 * MEDIA=rastapi                a link: the port it uses
 * Port=VPN2-0
 * Device=WAN Miniport (IKEv2)
 *
 * DEVICE=vpn                   the device on that port, with the numbers to dial
 * PhoneNumber=vpn.example.com  the primary number ...
 * Comment=
 * PhoneNumber=192.0.2.7        ... then each alternate, with its own AreaCode= ... Comment=
 * Comment=backup
 * TryNextAlternateOnFail=1
 * </pre>
 * jras reads LF or CRLF with or without a UTF-8 byte order mark and keeps every line: comments
 * ({@code ;} or {@code #}), blank lines, keys it does not know, their order and duplicates. A file
 * nobody changed is written back byte for byte; a changed entry keeps its unknown keys in place;
 * lines jras adds take the file's line ending. Broken files are RAS error 625 naming the line
 * (see {@link io.jras.core.phonebook.Phonebook}).
 *
 * <h2>Keys</h2>
 * Keys are matched ignoring case, except the sub-section markers {@code MEDIA}, {@code DEVICE} and
 * {@code NETCOMPONENTS}, which are upper case as Windows writes them ({@code Device=} is a key of
 * the {@code MEDIA=} sub-section, {@code DEVICE=} starts one). "Read" keys are also written when the entry is changed through
 * a {@code with...} method of {@link io.jras.core.phonebook.PhonebookEntry}; an entry made by
 * {@link io.jras.core.phonebook.PhonebookEntry#create(String, String)} has every "new entry" line.
 * A key not in this table is kept as it is and never interpreted: {@code PBVersion},
 * {@code AutoLogon}, {@code UseRasCredentials}, {@code DialParamsUID}, {@code Guid},
 * {@code VpnStrategy}, {@code DataEncryption}, {@code CustomAuthKey}, the {@code Preferred*},
 * {@code Ipv6*} and {@code NETCOMPONENTS=} keys, and any other.
 *
 * <table class="striped">
 * <caption>Keys jras reads or writes</caption>
 * <thead><tr><th>Key</th><th>Where</th><th>Meaning for jras</th><th>When absent</th><th>New entry</th></tr></thead>
 * <tbody>
 * <tr><td>{@code [name]}</td><td>header</td><td>entry name (1-256 characters, see {@link io.jras.core.phonebook.EntryNames})</td><td>-</td><td>{@code [name]}</td></tr>
 * <tr><td>{@code Encoding}</td><td>entry</td><td>not read: the file is always read as UTF-8</td><td>-</td><td>{@code 1}</td></tr>
 * <tr><td>{@code Type}</td><td>entry</td><td>{@link io.jras.core.phonebook.EntryType}: 1 phone, 2 VPN, 3 direct, 4 internet, 5 broadband; other codes kept</td><td>1</td><td>1 for a modem device, else 3</td></tr>
 * <tr><td>{@code JrasDevice}</td><td>entry</td><td>jras only: the device spec, e.g. {@code tcp:127.0.0.1:7001}, {@code serial:/dev/ttyUSB0@115200}, {@code modem:tcp:HOST:PORT}, {@code exec:COMMAND}</td><td>derived from {@code MEDIA=}: see below</td><td>the device given</td></tr>
 * <tr><td>{@code JrasAuth}</td><td>entry</td><td>jras only: {@link io.jras.core.phonebook.AuthPolicy}, {@code none}, {@code any}, or a list of {@code pap}, {@code chap}, {@code mschapv2}</td><td>from {@code AuthRestrictions}, else {@code any}</td><td>{@code any}</td></tr>
 * <tr><td>{@code AuthRestrictions}</td><td>entry</td><td>Windows' AR_F_Auth* bits, read only when {@code JrasAuth} is absent: PAP 0x8, MD5-CHAP 0x20, MS-CHAPv2 0x200 (SPAP, MS-CHAP v1, EAP: protocols jras lacks); never written</td><td>-</td><td>-</td></tr>
 * <tr><td>{@code RedialAttempts}</td><td>entry</td><td>further tries after a failed dial, 0 or more</td><td>3</td><td>3</td></tr>
 * <tr><td>{@code RedialSeconds}</td><td>entry</td><td>pause between tries, 0 or more</td><td>60</td><td>60</td></tr>
 * <tr><td>{@code IdleDisconnectSeconds}</td><td>entry</td><td>hang up after this long idle; 0 and -1 never</td><td>0</td><td>0</td></tr>
 * <tr><td>{@code RedialOnLinkFailure}</td><td>entry</td><td>dial again when an established link drops, 0 or 1</td><td>0</td><td>0</td></tr>
 * <tr><td>{@code IpPrioritizeRemote}</td><td>entry</td><td>use the remote network as default gateway, 0 or 1</td><td>1</td><td>1</td></tr>
 * <tr><td>{@code IpAddress}</td><td>entry</td><td>our address when {@code IpAssign=2}</td><td>0.0.0.0</td><td>0.0.0.0</td></tr>
 * <tr><td>{@code IpDnsAddress}, {@code IpDns2Address}</td><td>entry</td><td>DNS servers when {@code IpNameAssign=2}</td><td>0.0.0.0</td><td>0.0.0.0</td></tr>
 * <tr><td>{@code IpAssign}, {@code IpNameAssign}</td><td>entry</td><td>{@link io.jras.core.phonebook.AddressSource}: 1 server assigned, 2 the entry's own, 3 none</td><td>1</td><td>1</td></tr>
 * <tr><td>{@code JrasApplyDns}</td><td>entry</td><td>jras only: apply the connection's DNS to the host, 0 or 1 (see {@link io.jras.core.net.EntryDns} and docs/network.md); not read by the phonebook itself</td><td>0</td><td>-</td></tr>
 * <tr><td>{@code IpDnsSuffix}</td><td>entry</td><td>search domains applied with the DNS servers, separated by spaces or commas</td><td>none</td><td>-</td></tr>
 * <tr><td>{@code JrasHookDir}</td><td>entry</td><td>jras only: the directory of this entry's ip-up/ip-down scripts, absolute or {@code ppp} (see {@link io.jras.core.net.HookDirectory})</td><td>the host's hook directory</td><td>-</td></tr>
 * <tr><td>{@code MEDIA}</td><td>marker</td><td>starts a link; only the first link is used</td><td>-</td><td>{@code jras}</td></tr>
 * <tr><td>{@code Port}</td><td>MEDIA</td><td>read only, to derive the device: {@code COMn} is {@code /dev/ttyS(n-1)}, a {@code /dev/} path is itself</td><td>-</td><td>-</td></tr>
 * <tr><td>{@code ConnectBPS}</td><td>MEDIA</td><td>read only, the derived device's speed ({@code @bps})</td><td>-</td><td>-</td></tr>
 * <tr><td>{@code DEVICE}</td><td>marker</td><td>starts a device; {@code DEVICE=modem} makes the derived device {@code modem:serial:...}</td><td>-</td><td>{@code modem} for a modem device, else {@code jras}</td></tr>
 * <tr><td>{@code PhoneNumber}</td><td>DEVICE</td><td>a number, dialled as written; each one starts a group, primary first, then alternates (in one {@code DEVICE=} sub-section as Windows writes them, or spread over several)</td><td>no numbers</td><td>one group per number</td></tr>
 * <tr><td>{@code Comment}</td><td>DEVICE</td><td>the comment of the number before it</td><td>empty</td><td>per number</td></tr>
 * <tr><td>{@code AreaCode}, {@code CountryCode}, {@code CountryID}, {@code UseDialingRules}</td><td>DEVICE</td><td>not read (jras applies no dialing rules); written for new numbers</td><td>-</td><td>empty, 0, 0, 0 per number</td></tr>
 * <tr><td>{@code TryNextAlternateOnFail}</td><td>DEVICE</td><td>whether a failed number moves on to the next one, 0 or 1</td><td>1</td><td>1</td></tr>
 * <tr><td>{@code LastSelectedPhone}, {@code PromoteAlternates}</td><td>DEVICE</td><td>not read</td><td>-</td><td>0, 0</td></tr>
 * </tbody>
 * </table>
 *
 * <p>A Windows entry without {@code JrasDevice} gets a device from its first {@code MEDIA=}
 * sub-section where one can be had: {@code Port=COM2}, {@code ConnectBPS=57600} and a
 * {@code DEVICE=modem} give {@code modem:serial:/dev/ttyS1@57600}; without a modem,
 * {@code serial:/dev/ttyS1@57600}. VPN, PPPoE and ISDN ports give none: such an entry has no
 * device until one is set. jras never writes {@code Port}, {@code Device} or {@code ConnectBPS}.
 *
 * <p>Values jras reads must be well formed (numbers, 0 or 1, dotted quads): an entry with a bad
 * one cannot be read (625, naming the line) and cannot be given one (87).
 *
 * <h2>Where the file is</h2>
 * {@link io.jras.core.phonebook.PhonebookLocation}: {@code --phonebook}, else
 * {@code JRAS_PHONEBOOK}, else {@code $XDG_CONFIG_HOME/jras/rasphone.pbk}; the system phonebook is
 * {@code /etc/jras/rasphone.pbk}. A new phonebook file gets mode 0644; an existing one keeps its
 * mode. Passwords are never in the phonebook: see {@link io.jras.core.credentials.CredentialStore}.
 */
package io.jras.core.phonebook;
