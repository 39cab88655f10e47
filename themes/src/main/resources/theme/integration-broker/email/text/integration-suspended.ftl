<#ftl output_format="plainText">
Hello ${ownerName},

the integration ${clientId} in realm ${realmName} was suspended on ${suspendedDate} because ${reasonText} (${reason}).
It gets no more tokens, and the tokens it held are no longer accepted.

Purpose: ${purpose}
Review date: ${reviewDate}

How to restore it: ${restoreText}
