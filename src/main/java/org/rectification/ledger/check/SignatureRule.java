package org.rectification.ledger.check;

import java.util.List;

import org.rectification.ledger.sheet.ReadSubmission;
import org.rectification.ledger.sheet.SignatureMark;
import org.rectification.ledger.system.Messages;

/**
 * SIGNATURE_MISSING: one finding per required signer who neither typed a name nor left a picture (signature
 * scan or seal). When the label is in the sheet the finding points at its cell, so the return notice can
 * highlight it; when the label is absent altogether the finding has no place.
 */
final class SignatureRule {

    void check(ReadSubmission read, Findings findings) {
        List<SignatureMark> marks = (read.signatures() != null) ? read.signatures() : List.of();
        for (CheckSettings.RequiredSigner signer : findings.settings().requiredSigners()) {
            List<SignatureMark> own = marks.stream().filter((mark) -> signer.accepts(mark.label())).toList();
            if (own.stream().anyMatch(SignatureMark::signed)) {
                continue;
            }
            if (own.isEmpty()) {
                findings.add(RuleCode.SIGNATURE_MISSING, null, null, signer.label(), null, "",
                        Findings.message(RuleCode.SIGNATURE_MISSING, signer.label(),
                                Messages.get("check.detail.no-signer-label")));
            }
            else {
                SignatureMark mark = own.get(0);
                findings.add(RuleCode.SIGNATURE_MISSING, mark.sheet(), mark.row(), signer.label(), mark.column(), "",
                        Findings.message(RuleCode.SIGNATURE_MISSING, signer.label(),
                                Messages.get("check.detail.unsigned")));
            }
        }
    }

}
