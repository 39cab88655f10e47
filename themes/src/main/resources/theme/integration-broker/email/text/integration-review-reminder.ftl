<#ftl output_format="plainText">
Hello ${ownerName},

the integration ${clientId} in realm ${realmName} is due for review on ${reviewDate}.

Purpose: ${purpose}

You are named as an owner of this integration. Please review whether it is still needed, who owns it and what
it may access, and ask an administrator to attest the review before ${reviewDate}. If the review lapses, the
integration stops getting tokens and is suspended.
