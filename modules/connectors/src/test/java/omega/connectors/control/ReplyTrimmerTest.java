package omega.connectors.control;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class ReplyTrimmerTest {

    @Test
    void gmailStyleAttributionCutsTheQuotedReply() {
        assertEquals("It still fails.", ReplyTrimmer.trim(
                "It still fails.\n\nOn Tue, Mar 3, 2026 at 9:02 AM Helpdesk <support@msp.example> wrote:\n> Did a restart help?"));
    }

    @Test
    void attributionWrappedOverTwoLinesIsRecognised() {
        assertEquals("Done.", ReplyTrimmer.trim(
                "Done.\n\nOn Tue, Mar 3, 2026 at 9:02 AM Very Long Name Helpdesk <\nsupport@msp.example> wrote:\n> old"));
    }

    @Test
    void germanAndFrenchAttributionsAreRecognised() {
        assertEquals("Geht wieder.", ReplyTrimmer.trim("Geht wieder.\n\nAm 03.03.2026 um 09:02 schrieb Helpdesk <h@x.example>:\n> alt"));
        assertEquals("Merci.", ReplyTrimmer.trim("Merci.\n\nLe mar. 3 mars 2026 à 09:02, Helpdesk <h@x.example> a écrit :\n> ancien"));
    }

    @Test
    void outlookOriginalMessageAndHeaderBlocksAreCut() {
        assertEquals("See below.", ReplyTrimmer.trim("See below.\n-----Original Message-----\nFrom: a\nSent: b"));
        assertEquals("Thanks, works now.", ReplyTrimmer.trim("Thanks, works now.\n\n________________________________\n"
                + "From: Helpdesk <h@x.example>\nSent: Tuesday, March 3, 2026 9:02 AM\nTo: Ann\nSubject: RE: VPN\n\nold text"));
        assertEquals("Update attached.", ReplyTrimmer.trim("Update attached.\n\nFrom: Helpdesk\nDate: 3 March 2026\n"
                + "Subject: Ticket #7302\n\nold text"));
    }

    @Test
    void forwardedMailIsKeptBecauseItIsTheProblem() {
        String forward = "FYI, see the vendor's mail.\n\nFrom: Vendor <v@vendor.example>\nSent: Monday\nTo: Ann\n"
                + "Subject: FW: Your licence expires\n\nYour licence expires on 1 April.";

        assertEquals(forward, ReplyTrimmer.trim(forward));
        String gmailForward = "See below\n---------- Forwarded message ---------\nFrom: v@vendor.example\nLicence expired";
        assertEquals(gmailForward, ReplyTrimmer.trim(gmailForward));
    }

    @Test
    void signatureDelimiterAndMobileFootersAreCut() {
        assertEquals("Printer is offline.", ReplyTrimmer.trim("Printer is offline.\n-- \nMaria Rossi\nOffice Manager"));
        assertEquals("Printer is offline.", ReplyTrimmer.trim("Printer is offline.\n\nSent from my iPhone"));
        assertEquals("Printer is offline.", ReplyTrimmer.trim("Printer is offline.\nGet Outlook for Android"));
    }

    @Test
    void aDashDashLineFollowedByALongTextIsNotASignature() {
        StringBuilder text = new StringBuilder("Steps:\n--\n");
        for (int i = 0; i < 20; i++) {
            text.append("step ").append(i).append('\n');
        }

        assertEquals(text.toString(), ReplyTrimmer.trim(text.toString()));
    }

    @Test
    void trailingQuotedBlockIsCutButInlineQuotesAreKept() {
        assertEquals("New answer.", ReplyTrimmer.trim("New answer.\n\n> old 1\n> old 2\n>\n> old 3"));
        String inline = "> Is it plugged in?\nYes it is.\n> Is the light on?\nNo.";
        assertEquals(inline, ReplyTrimmer.trim(inline));
    }

    @Test
    void zendeskReplySeparatorIsCut() {
        assertEquals("Any update?", ReplyTrimmer.trim("Any update?\n##- Please type your reply above this line -##\nold"));
    }

    @Test
    void aCueOnTheFirstLineNeverEmptiesTheBody() {
        String onlyQuote = "> everything is quoted\n> nothing else";
        String onlyFooter = "Sent from my iPhone";

        assertEquals(onlyQuote, ReplyTrimmer.trim(onlyQuote));
        assertEquals(onlyFooter, ReplyTrimmer.trim(onlyFooter));
    }

    @Test
    void textWithoutCuesIsUnchangedAndNullIsEmpty() {
        String text = "Outlook asks for the password.\nOn Monday it worked.\nFrom: the user's point of view it is broken.";

        assertEquals(text, ReplyTrimmer.trim(text));
        assertEquals("", ReplyTrimmer.trim(null));
    }
}
