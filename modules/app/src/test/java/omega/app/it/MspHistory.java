package omega.app.it;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

import jakarta.json.Json;

/**
 * A small, deterministic labelled MSP history for the ITs: tickets of four categories (network, email, printer,
 * access) with the queue each goes to, in the NDJSON shape of {@code POST /api/v1/models/train}.
 */
final class MspHistory {

    static final Map<String, String> QUEUES = Map.of("network", "infrastructure", "email", "messaging",
            "printer", "desk-side", "access", "identity");

    private static final Map<String, String[]> TITLES = Map.of(
            "network", new String[] {"VPN keeps disconnecting", "No internet at the branch office", "Wi-Fi drops in the meeting room",
                    "Site-to-site tunnel down", "Slow network on the second floor", "Cannot reach the file server over VPN",
                    "Firewall blocks the accounting portal", "DNS not resolving internal hosts", "Switch port flapping",
                    "Remote office lost connectivity"},
            "email", new String[] {"Outlook keeps asking for the password", "Mailbox full, cannot send", "Emails stuck in the outbox",
                    "Shared mailbox not showing in Outlook", "Calendar invites not arriving", "Spam filter quarantined a client email",
                    "Out of office reply not working", "Cannot open attachments in Outlook", "Distribution list bounces",
                    "Email signature missing after update"},
            "printer", new String[] {"Printer offline on reception", "Paper jam in the HP LaserJet", "Scanner does not send to email",
                    "Printer prints blank pages", "Cannot add the network printer", "Toner low warning on the copier",
                    "Print jobs stuck in the queue", "Label printer misaligned", "Multifunction printer shows error 49",
                    "Printing very slow from the ERP"},
            "access", new String[] {"Password reset for new starter", "Account locked out after holiday", "Need access to the finance share",
                    "MFA prompt not arriving on the phone", "Create account for new employee", "Remove access for leaver",
                    "Cannot log in to Windows, password expired", "Grant admin rights for software install",
                    "SharePoint site permission request", "Reset the authenticator app"});

    private static final Map<String, String[]> BODIES = Map.of(
            "network", new String[] {"The connection drops every few minutes and users lose their sessions.",
                    "The router lights are amber and nobody can browse.", "Latency is very high and calls keep breaking up.",
                    "Ping to the gateway times out intermittently since this morning."},
            "email", new String[] {"Outlook shows a password prompt again and again even after typing it.",
                    "The mailbox quota is exceeded and messages bounce back.", "Messages stay in the outbox and never leave.",
                    "Exchange online sync seems broken for this user."},
            "printer", new String[] {"The printer shows offline in Windows although it is switched on.",
                    "The paper tray jams on every second page.", "The print queue has jobs that never print.",
                    "The copier displays a toner error and stops printing."},
            "access", new String[] {"Please reset the password and send the temporary one to the manager.",
                    "The account got locked after too many attempts.", "The user needs permission to open the shared folder.",
                    "Please set up the account with the usual group memberships."});

    private MspHistory() {
    }

    static List<String> ndjson(int perCategory) {
        Random random = new Random(7);
        List<String> lines = new ArrayList<>();
        int n = 0;
        for (int i = 0; i < perCategory; i++) {
            for (String category : List.of("network", "email", "printer", "access")) {
                String[] titles = TITLES.get(category);
                String[] bodies = BODIES.get(category);
                String title = titles[random.nextInt(titles.length)];
                String body = bodies[random.nextInt(bodies.length)] + " Client " + (char) ('A' + random.nextInt(6))
                        + " office, user " + (100 + random.nextInt(800)) + ". " + bodies[random.nextInt(bodies.length)];
                lines.add(Json.createObjectBuilder().add("externalId", "H-" + (++n)).add("title", title).add("body", body)
                        .add("labels", Json.createObjectBuilder().add("category", category).add("queue", QUEUES.get(category)))
                        .add("resolution", "resolved by the service desk").build().toString());
            }
        }
        return lines;
    }
}
